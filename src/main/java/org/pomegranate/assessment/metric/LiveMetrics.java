package org.pomegranate.assessment.metric;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pomegranate.assessment.framework.LiveMetric;
import org.pomegranate.figures.FigureQuery;
import org.pomegranate.figures.FigureSource;
import org.pomegranate.figures.KeyFigure;
import org.pomegranate.figures.Period;
import org.pomegranate.shared.Percent;
import org.springframework.stereotype.Service;

/**
 * Reads the live metrics of a region for an assessment's year from the same figure sources the
 * dashboards and the monthly report read (one source of truth): the year as a period, standing
 * figures as of its last day or today while it runs. A rate of two counts (诉求化解率) is the part
 * over the whole, rounded as every percentage is ({@link Percent#of}).
 */
@Service
public class LiveMetrics {

	private final List<FigureSource> sources;

	LiveMetrics(List<FigureSource> sources) {
		this.sources = sources;
	}

	/** The period an assessment of {@code year} is measured over. */
	public static Period periodOf(int year) {
		return Period.year(year);
	}

	/**
	 * What the figure sources are asked for {@code regionCode} and below and {@code year}, as of
	 * {@code today}: the metrics read it, and the lists behind frozen figures are read with it.
	 */
	public static FigureQuery query(String regionCode, int year, LocalDate today) {
		return new FigureQuery(regionCode, periodOf(year), null, false, today);
	}

	/** Every live metric of {@code regionCode} and below for {@code year}, as of {@code today}. */
	public Map<LiveMetric, MetricReading> read(String regionCode, int year, LocalDate today) {
		var query = query(regionCode, year, today);
		var period = query.period();
		var figures = new HashMap<String, KeyFigure>();
		for (var source : sources) {
			for (var figure : source.figures(query)) {
				figures.put(figure.key(), figure);
			}
		}
		var readings = new EnumMap<LiveMetric, MetricReading>(LiveMetric.class);
		for (var metric : LiveMetric.values()) {
			var whole = figures.get(metric.figureKey());
			if (whole == null) {
				continue;
			}
			if (metric.partKey() == null) {
				readings.put(metric, new MetricReading(metric, regionCode, period, whole.value(), whole.text(), whole.asOf()));
			}
			else {
				var part = figures.get(metric.partKey());
				if (part == null || part.value() == null || whole.value() == null) {
					continue;
				}
				var rate = KeyFigure.percent(metric.name(), part.value().longValue(), whole.value().longValue(),
						metric.better());
				readings.put(metric, new MetricReading(metric, regionCode, period, rate.value(), rate.text(), null));
			}
		}
		return readings;
	}

}
