/**
 * The figures every module contributes to dashboards, reports and indicator metrics: a
 * {@link org.pomegranate.figures.FigureSource} per module, asked with a {@link
 * org.pomegranate.figures.FigureQuery} (region, {@link org.pomegranate.figures.Period}, program),
 * answering {@link org.pomegranate.figures.KeyFigure}s, and where an assessment freezes a figure,
 * a {@link org.pomegranate.figures.FigureRecords} naming the records behind it. A small API of
 * types only: the dashboard, the report and the assessments collect them; each module declares its own.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "shared" })
package org.pomegranate.figures;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
