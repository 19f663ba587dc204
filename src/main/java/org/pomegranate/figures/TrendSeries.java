package org.pomegranate.figures;

import java.util.List;

/**
 * One line or set of bars of the dashboard's twelve-month trend chart: a figure's value in each
 * month, oldest first; {@code key} is also the message key of its legend. Bars share the left axis; lines have the right one, as counts of another
 * size (visits against petitions) would otherwise flatten each other.
 */
public record TrendSeries(String key, Chart chart, List<Long> values) {

	public TrendSeries {
		values = List.copyOf(values);
	}

	public enum Chart {

		BAR, LINE

	}

}
