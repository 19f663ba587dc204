package org.pomegranate.pairing.program;

import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.SearchText;

/**
 * The filters of the pairing list. {@code status} is PAIRED (active), OVERDUE or ENDED.
 */
public record PairingQuery(@Nullable Long programId, @Nullable String regionCode, @Nullable String text,
		@Nullable PairingStatus status, @Nullable Long cadreId) {

	/**
	 * The search, trimmed, or null; refused (a {@code BusinessRuleException} with a hint) when it
	 * holds a full phone or ID number, which would travel in the list's URL. An export asks before
	 * its download starts.
	 */
	public @Nullable String searchText() {
		return SearchText.clean(text);
	}

}
