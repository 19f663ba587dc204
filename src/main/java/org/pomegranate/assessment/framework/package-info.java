/** Indicator frameworks: versions, their tree of nodes, scoring methods and the points arithmetic. */
@NullMarked
package org.pomegranate.assessment.framework;

import org.jspecify.annotations.NullMarked;
