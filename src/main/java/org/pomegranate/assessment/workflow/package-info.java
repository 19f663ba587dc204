/** Assessments and their workflow: scores per article, submission with frozen figures, review, appeal, confirmation. */
@NullMarked
package org.pomegranate.assessment.workflow;

import org.jspecify.annotations.NullMarked;
