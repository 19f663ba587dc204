package org.pomegranate.unit.network;

import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.validation.NotFuture;
import org.pomegranate.shared.validation.PlainText;
import org.pomegranate.shared.validation.Required;

/** A member leaving: which membership (at the version the page showed), the day and the reason. */
public record LeaveForm(@Nullable Long membership,
		@Required(message = "{unit.member.error.leftOn}") @NotFuture(since = "1900-01-01") @Nullable String leftOn,
		@Required @PlainText(max = 200) @Nullable String reason, @Nullable Long version) {
}
