package org.pomegranate.pairing.program;

import org.pomegranate.pairing.VisitKind;
import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What is entered about a visit, already checked by the service.
 */
public record VisitDetails(LocalDate visitedOn, VisitKind kind, String visitors, @Nullable String findings,
		@Nullable String actionsTaken, BigDecimal aidAmount, boolean followUpNeeded) {
}
