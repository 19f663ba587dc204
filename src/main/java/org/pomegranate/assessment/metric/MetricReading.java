package org.pomegranate.assessment.metric;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.pomegranate.assessment.framework.LiveMetric;
import org.pomegranate.figures.Period;

/**
 * A live metric's value for a region and a period, as the figure sources give it now: {@code value}
 * null where it means nothing (a rate with nothing to rate); {@code text} as pages show it
 * (96.5%, 12); {@code asOf} the day a standing figure stands at.
 */
public record MetricReading(LiveMetric metric, String regionCode, Period period, @Nullable Double value, String text,
		@Nullable LocalDate asOf) {

}
