package org.pomegranate.dashboard.web;

import org.pomegranate.dashboard.Statistics;
import org.pomegranate.figures.FigureQuery;
import org.pomegranate.figures.Period;
import org.pomegranate.figures.PeriodRange;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.RegionScope;
import org.springframework.stereotype.Component;

/**
 * Turns the request parameters of a dashboard or a chart into a {@link FigureQuery}: the region
 * (default the user's own), the period (default this month; {@code year} and {@code part} as the
 * picker sends them; {@code from}/{@code to} make a custom range), refused with a message when it
 * lies outside the months since the first record, and the program.
 */
@Component
public class DashboardParameters {

	private final RegionScope scope;

	private final Statistics statistics;

	private final Clock clock;

	DashboardParameters(RegionScope scope, Statistics statistics, Clock clock) {
		this.scope = scope;
		this.statistics = statistics;
		this.clock = clock;
	}

	FigureQuery query(DashboardRequest request) {
		var region = request.region();
		var regionCode = region != null && !region.isBlank() ? region.strip() : scope.prefix();
		var today = today();
		var period = periods().require(period(request));
		return new FigureQuery(regionCode, period, request.program(), false, today);
	}

	private Period period(DashboardRequest request) {
		if (request.from() != null && request.to() != null) {
			return Period.range(request.from(), request.to());
		}
		var year = request.year();
		if (year != null && !year.isBlank()) {
			return Period.of(year, request.part());
		}
		var period = request.period();
		if (period != null && !period.isBlank()) {
			return Period.parse(period);
		}
		return Period.month(YearMonth.from(today()));
	}

	/** The months a period may be chosen from. */
	PeriodRange periods() {
		return statistics.periods(today());
	}

	LocalDate today() {
		return ChinaTime.today(clock);
	}

}
