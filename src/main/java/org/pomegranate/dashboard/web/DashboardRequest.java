package org.pomegranate.dashboard.web;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The parameters of a dashboard or a chart: the region (default the user's own), the period
 * ({@code 2024-02}, {@code 2024-Q1}, {@code 2024}; default this month), or the period picker's
 * {@code year} and {@code part} of it ({@code Y}, {@code Q1}, {@code 2}), or a custom range
 * {@code from}–{@code to}, and the pairing program (default the region's first).
 */
public record DashboardRequest(@Nullable String region, @Nullable String period,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to, @Nullable Long program,
		@Nullable String year, @Nullable String part) {

	/** The home page's: the user's own region. */
	static DashboardRequest home(@Nullable String period, @Nullable String year, @Nullable String part,
			@Nullable Long program) {
		return new DashboardRequest(null, period, null, null, program, year, part);
	}

}
