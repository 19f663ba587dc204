/** The holder's evidence library (佐证材料): pieces of evidence with their files, linked to articles, snapshotted at submission. */
@NullMarked
package org.pomegranate.assessment.evidence;

import org.jspecify.annotations.NullMarked;
