package org.pomegranate.pairing.household;

import org.pomegranate.pairing.program.PairingStatus;
import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.SearchText;

/**
 * The filters of the household list. {@code text} is part of the head's name or the last four
 * characters of the ID number; {@code regionCode} a village, township or county inside the scope;
 * {@code status} needs a {@code programId}.
 */
public record HouseholdQuery(@Nullable String text, @Nullable String regionCode,
		@Nullable HouseholdCategory category, @Nullable Long programId, @Nullable PairingStatus status) {

	/**
	 * The search, trimmed, or null; refused (a {@code BusinessRuleException} with a hint) when it
	 * holds a full phone or ID number, which would travel in the list's URL. An export asks before
	 * its download starts.
	 */
	public @Nullable String searchText() {
		return SearchText.clean(text, "household.error.fullIdSearch");
	}

}
