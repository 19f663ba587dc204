package org.pomegranate.activity.ledger;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.FormText;
import org.pomegranate.shared.SearchText;

/**
 * The filters of the activity list: part of the title or place, kind, a region in scope, and the
 * days the first day lies in ({@code from}, {@code to}, both included), as the figures count them.
 * Dates that do not parse filter nothing.
 */
public record ActivityQuery(@Nullable String text, @Nullable ActivityKind kind, @Nullable String regionCode,
		@Nullable String from, @Nullable String to) {

	public static ActivityQuery all() {
		return new ActivityQuery(null, null, null, null, null);
	}

	public @Nullable String searchText() {
		return SearchText.clean(text);
	}

	public @Nullable LocalDate fromDay() {
		return FormText.date(from);
	}

	public @Nullable LocalDate toDay() {
		return FormText.date(to);
	}

}
