/**
 * The petition ledger (诉求事项登记台账) and its closed loop, 收集 → 推送 → 化解 → 评单: petitions
 * registered with a number per county and year, pushed to a responsible department and a handler,
 * accepted or returned, worked on, closed with an outcome, rated by the citizen (不满意 reopens),
 * archived; categories with time limits, backlog cases (信访积案), escalation of the unresolvable,
 * and the figures (收集、化解、政策解答 …) that dashboards and the monthly report read.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "account", "activity", "audit", "figures", "files", "pairing", "region", "shared", "supervision" })
package org.pomegranate.petition;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
