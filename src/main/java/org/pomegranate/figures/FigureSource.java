package org.pomegranate.figures;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A module's contribution to the dashboards and the monthly report: its named figures for a
 * region and a period, the same figures for each region directly below (the ranking), and, where
 * it has them, monthly series for the trend chart and a breakdown for the pie. A module added
 * later (campaign units, activities, inspections, indicator scores) declares a bean of this type
 * and its tiles, ranking columns, chart series and report rows appear without a change elsewhere.
 * Implementations read the same query code as their module's own figure pages.
 */
public interface FigureSource {

	/** Where the source's figures stand among the others: lower first. */
	int order();

	/** The figures of the region and everything below it. */
	List<KeyFigure> figures(FigureQuery query);

	/** The figures of each region directly below, by region code; the same keys as {@link #figures}. */
	Map<String, List<KeyFigure>> byChildRegion(FigureQuery query);

	/** Its series for the twelve-month trend chart over {@code months} (whole months, oldest first); none by default. */
	default List<TrendSeries> trend(String regionCode, Period months) {
		return List.of();
	}

	/**
	 * The day of its earliest record (a visit, a petition, a pairing's start), from which on a
	 * period may be chosen; none when it has no records.
	 */
	default Optional<LocalDate> firstDay() {
		return Optional.empty();
	}

	/** Its breakdown of the period for the dashboard's pie; none by default. */
	default Optional<Breakdown> breakdown(String regionCode, Period period) {
		return Optional.empty();
	}

}
