package org.pomegranate.report.monthly;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.pomegranate.figures.Period;

/** A line of the report list: which report, whose, and since when frozen. */
public record ReportSummary(long id, String regionCode, Period.Kind periodKind, LocalDate periodStart, ReportState state,
		String createdBy, Instant updatedAt, @Nullable String frozenBy, @Nullable Instant frozenAt) {

	public boolean frozen() {
		return state == ReportState.FROZEN;
	}

}
