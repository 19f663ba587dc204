package org.pomegranate.figures;

import java.util.List;
import java.util.Map;

/**
 * A module's contribution to the dashboards and the monthly report: its named figures for a
 * region and a period, and the same figures for each region directly below (the ranking). A
 * module added later (campaign units, activities, inspections, indicator scores) declares a bean
 * of this type and its tiles, ranking columns and report rows appear without a change here.
 * Implementations read the same query code as their module's own figure pages.
 */
public interface FigureSource {

	/** Where the source's figures stand among the others: lower first. */
	int order();

	/** The figures of the region and everything below it. */
	List<KeyFigure> figures(FigureQuery query);

	/** The figures of each region directly below, by region code; the same keys as {@link #figures}. */
	Map<String, List<KeyFigure>> byChildRegion(FigureQuery query);

}
