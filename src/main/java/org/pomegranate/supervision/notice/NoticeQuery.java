package org.pomegranate.supervision.notice;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** The notice list's filters: an issuing region in scope, kind, state, and the days it was published between. */
public record NoticeQuery(@Nullable String region, @Nullable NoticeKind kind, @Nullable NoticeState state,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {

	public static NoticeQuery all() {
		return new NoticeQuery(null, null, null, null, null);
	}

}
