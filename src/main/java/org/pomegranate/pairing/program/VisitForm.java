package org.pomegranate.pairing.program;

import org.pomegranate.pairing.VisitKind;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * The visit form as typed (the photos come beside it as uploaded files).
 */
public record VisitForm(@Nullable String visitedOn, @Nullable VisitKind kind, @Nullable String visitors,
		@Nullable String findings, @Nullable String actionsTaken, @Nullable String aidAmount,
		@Nullable Boolean followUpNeeded) {

	public static VisitForm empty(LocalDate today, String visitors) {
		return new VisitForm(today.toString(), VisitKind.HOME_VISIT, visitors, "", "", "0", false);
	}

}
