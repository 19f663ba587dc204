package org.pomegranate.supervision.inspection;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The filters of the ledger (整改台账), as its URL carries them: a region in scope, state, severity,
 * source, overdue today, the period its rectifications were ordered in ({@code from}–{@code to}),
 * a notice; and the figures' drill-downs: open or overdue as of a day ({@code openOn},
 * {@code overdueOn}), which count exactly as {@link InspectionFigures} does.
 */
public record RectificationQuery(@Nullable String region, @Nullable RectificationState state,
		@Nullable Severity severity, @Nullable RectificationSource source, @Nullable Boolean overdue,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate openOn, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate overdueOn,
		@Nullable Long notice) {

	public static RectificationQuery all() {
		return new RectificationQuery(null, null, null, null, null, null, null, null, null, null);
	}

	public RectificationQuery inRegion(@Nullable String code) {
		return new RectificationQuery(code, state, severity, source, overdue, from, to, openOn, overdueOn, notice);
	}

	public RectificationQuery ofNotice(long id) {
		return new RectificationQuery(region, state, severity, source, overdue, from, to, openOn, overdueOn, id);
	}

}
