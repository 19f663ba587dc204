package org.pomegranate.pairing;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The visit form as typed (the photos come beside it as uploaded files).
 */
public record VisitForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate visitedOn,
		@Nullable VisitKind kind, @Nullable String visitors, @Nullable String findings, @Nullable String actionsTaken,
		@Nullable BigDecimal aidAmount, @Nullable Boolean followUpNeeded) {

	static VisitForm empty(LocalDate today, String visitors) {
		return new VisitForm(today, VisitKind.HOME_VISIT, visitors, "", "", BigDecimal.ZERO, false);
	}

}
