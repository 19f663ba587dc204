package org.pomegranate.pairing.program;

import org.pomegranate.pairing.VisitKind;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * The filters of the visit list.
 */
public record VisitQuery(@Nullable Long programId, @Nullable String regionCode, @Nullable VisitKind kind,
		@Nullable LocalDate from, @Nullable LocalDate to, @Nullable Boolean followUpNeeded) {
}
