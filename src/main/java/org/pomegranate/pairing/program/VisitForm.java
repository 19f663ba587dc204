package org.pomegranate.pairing.program;

import org.pomegranate.pairing.VisitKind;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.validation.NotFuture;
import org.pomegranate.shared.validation.PlainText;
import org.pomegranate.shared.validation.Required;

/**
 * The visit form as typed (the photos come beside it as uploaded files), with the rules of each
 * field; the service checks the date against the pairing's, the aid amount and the photos.
 * {@code submission} is the form's one-time token: sent twice, it records one visit.
 */
public record VisitForm(@Required @NotFuture(message = "{visit.error.future}") @Nullable String visitedOn,
		@NotNull @Nullable VisitKind kind, @Required @PlainText(max = 200) @Nullable String visitors,
		@PlainText(max = 2000, multiline = true) @Nullable String findings,
		@PlainText(max = 2000, multiline = true) @Nullable String actionsTaken, @Nullable String aidAmount,
		@Nullable Boolean followUpNeeded, @Nullable UUID submission) {

	public static VisitForm empty(LocalDate today, String visitors) {
		return new VisitForm(today.toString(), VisitKind.HOME_VISIT, visitors, "", "", "0", false, null);
	}

}
