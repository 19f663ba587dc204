/**
 * Supervision (督查督办): a region's implementation plans (实施方案) and the task lists (任务清单) it
 * issues to its units and the regions below, each instance acknowledged, reported, returned and
 * accepted; inspections (督查) with their findings and the rectifications (整改) due by a deadline;
 * the notices (通报表扬, 通报批评) drafted from the figures and approved by a second admin; and the
 * figures (task completion, overdue rectifications, notices) that dashboards and the monthly report read.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "account", "assessment", "audit", "dashboard", "figures", "files", "region",
		"shared", "unit" })
package org.pomegranate.supervision;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
