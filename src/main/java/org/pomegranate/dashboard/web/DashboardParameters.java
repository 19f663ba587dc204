package org.pomegranate.dashboard.web;

import org.pomegranate.figures.FigureQuery;
import org.pomegranate.figures.Period;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.RegionScope;
import org.springframework.stereotype.Component;

/**
 * Turns the request parameters of a dashboard or a chart into a {@link FigureQuery}: the region
 * (default the user's own), the period (default this month; {@code from}/{@code to} make a custom
 * range) and the program.
 */
@Component
public class DashboardParameters {

	private final RegionScope scope;

	private final Clock clock;

	DashboardParameters(RegionScope scope, Clock clock) {
		this.scope = scope;
		this.clock = clock;
	}

	FigureQuery query(DashboardRequest request) {
		var region = request.region();
		var regionCode = region != null && !region.isBlank() ? region.strip() : scope.prefix();
		return new FigureQuery(regionCode, period(request.period(), request.from(), request.to()), request.program(),
				false);
	}

	Period period(@Nullable String period, @Nullable LocalDate from, @Nullable LocalDate to) {
		if (from != null && to != null) {
			return Period.range(from, to);
		}
		if (period != null && !period.isBlank()) {
			return Period.parse(period);
		}
		return Period.month(YearMonth.from(ChinaTime.today(clock)));
	}

	LocalDate today() {
		return ChinaTime.today(clock);
	}

}
