/**
 * Scoring (测评): indicator frameworks (测评指标: 大类 › 项 › 条 with points, the 奖惩清单 and 一票否决
 * items, a pass mark) in immutable published versions; assessments (自评, 第三方评估) of a region or
 * a unit against one version, with the holder's evidence library (佐证材料), articles scored from
 * the live ledgers' figures and frozen at submission, evaluating institutions and their reviewers'
 * assignments, the workflow up to confirmation, and the self-assessment and evaluation reports.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "account", "audit", "figures", "files", "region", "shared", "unit" })
package org.pomegranate.assessment;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
