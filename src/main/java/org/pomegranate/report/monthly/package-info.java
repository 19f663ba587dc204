/**
 * The monthly report (工作情况汇报): its figures, the .xlsx and .docx, drafts on the 1st and freezing.
 */
@NullMarked
package org.pomegranate.report.monthly;

import org.jspecify.annotations.NullMarked;
