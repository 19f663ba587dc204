/** The pages of the evidence library (佐证材料库): the list, a new piece with its files, a piece's page. */
@NullMarked
package org.pomegranate.assessment.web.evidence;

import org.jspecify.annotations.NullMarked;
