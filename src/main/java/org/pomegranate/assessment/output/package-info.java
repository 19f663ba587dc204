/**
 * What an assessment gives out: the 自评报告 and 第三方评估报告 as 公文-format .docx, the score sheet
 * as .xlsx, the comparison of self and evaluator scores and of one holder's years, and the region
 * overview of every assessment below a region by state. Reads only; who may see what is decided
 * where the assessment is loaded ({@code AssessmentAccess}, {@code AssessmentList}).
 */
@NullMarked
package org.pomegranate.assessment.output;

import org.jspecify.annotations.NullMarked;
