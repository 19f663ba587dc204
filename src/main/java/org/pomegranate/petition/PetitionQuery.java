package org.pomegranate.petition;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The filters of the ledger. {@code text} is part of the number, the matter or the petitioner's
 * name; {@code month} is {@code 2024-05}; {@code from}/{@code to} bound the day received (or, for
 * the backlog figures, the day marked or closed); {@code figure} narrows to what one figure counts;
 * {@code escalated} lists the unresolvable petitions sent up to the user's own region.
 */
public record PetitionQuery(@Nullable String text, @Nullable String regionCode, @Nullable PetitionState state,
		@Nullable Long categoryId, @Nullable PetitionSource source, @Nullable Long departmentId,
		@Nullable String month, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to, @Nullable Boolean overdue,
		@Nullable Boolean backlog, @Nullable Boolean escalated, @Nullable Figure figure) {

	static PetitionQuery all() {
		return new PetitionQuery(null, null, null, null, null, null, null, null, null, null, null, null, null);
	}

	static PetitionQuery backlogCases() {
		return new PetitionQuery(null, null, null, null, null, null, null, null, null, null, true, null, null);
	}

}
