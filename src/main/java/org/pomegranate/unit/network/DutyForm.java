package org.pomegranate.unit.network;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.validation.NotFuture;
import org.pomegranate.shared.validation.PlainText;
import org.pomegranate.shared.validation.Required;

/** A new version of the duty statement (规程、职责): title, text and the day it was adopted; a document may come with it. */
public record DutyForm(@Required @PlainText(max = 100) @Nullable String title,
		@Required @PlainText(max = 20000, multiline = true) @Nullable String body,
		@Required(message = "{unit.duty.error.adoptedOn}") @NotFuture(since = "1900-01-01") @Nullable String adoptedOn,
		@Nullable UUID submission) {

	public static DutyForm empty() {
		return new DutyForm("", "", "", null);
	}

}
