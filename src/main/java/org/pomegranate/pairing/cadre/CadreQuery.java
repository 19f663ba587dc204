package org.pomegranate.pairing.cadre;

import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.SearchText;

/**
 * The filters of the cadre list; {@code quota} (BELOW or ABOVE) needs a {@code programId}.
 */
public record CadreQuery(@Nullable String text, @Nullable String regionCode, @Nullable CadreLevel level,
		@Nullable Boolean active, @Nullable Long programId, @Nullable Quota quota) {

	/**
	 * The search, trimmed, or null; refused (a {@code BusinessRuleException} with a hint) when it
	 * holds a full phone or ID number, which would travel in the list's URL. An export asks before
	 * its download starts.
	 */
	public @Nullable String searchText() {
		return SearchText.clean(text);
	}

	/** A cadre's number of households against the program's minimum and maximum. */
	public enum Quota {

		BELOW, ABOVE

	}

}
