/**
 * Live statistics and charts (the read side): the dashboards of supervisors and admins with
 * drill-down from a region to each region below, the smaller dashboard of staff, and the JSON
 * that the charts read under {@code /api/stats}. Figures come from the modules that own the
 * records, through {@link org.pomegranate.figures.FigureSource}: a module added later
 * contributes its tiles and ranking columns by declaring one more such bean.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "account", "figures", "pairing", "region", "shared" })
package org.pomegranate.dashboard;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
