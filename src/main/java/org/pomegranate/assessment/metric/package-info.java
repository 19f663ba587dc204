/** Live metrics: the ledgers' figures an article is scored from, read through the figure sources. */
@NullMarked
package org.pomegranate.assessment.metric;

import org.jspecify.annotations.NullMarked;
