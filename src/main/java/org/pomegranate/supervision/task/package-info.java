/**
 * 实施方案 and 任务清单: a region's plan for a year with its document and task breakdown, the task
 * lists it issues (once or with a recurrence) to the regions below and to units, one instance per
 * recipient per period generated ahead by an idempotent job, each instance's steps (签收, 报送,
 * 退回, 办结, 延期) enforced in {@link org.pomegranate.supervision.task.TaskInstance}, its timeline,
 * and the task figures the dashboards and the monthly report read.
 */
@NullMarked
package org.pomegranate.supervision.task;

import org.jspecify.annotations.NullMarked;
