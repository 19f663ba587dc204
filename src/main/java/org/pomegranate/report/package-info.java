/**
 * The monthly report (工作情况汇报) that admins send up the chain: for a region of their subtree
 * and a month, quarter or year, an .xlsx workbook of the figures and the petition ledger, and an
 * .docx narrative in the shape of seed 004 whose figures come from the dashboards' own query
 * code. Drafts are regenerated at will and created on the 1st of each month for every
 * prefecture and county with users; a frozen report keeps its figures and files for good.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "account", "audit", "dashboard", "figures", "files", "pairing", "petition", "region", "shared" })
package org.pomegranate.report;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
