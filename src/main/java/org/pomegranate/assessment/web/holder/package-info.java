/** The holder's pages of an assessment (测评申报): the list, starting one, the self-assessment page with its evidence and the submission. */
@NullMarked
package org.pomegranate.assessment.web.holder;

import org.jspecify.annotations.NullMarked;
