package org.pomegranate.pairing.cadre;

import org.jspecify.annotations.Nullable;

/**
 * The filters of the cadre list; {@code quota} (BELOW or ABOVE) needs a {@code programId}.
 */
public record CadreQuery(@Nullable String text, @Nullable String regionCode, @Nullable CadreLevel level,
		@Nullable Boolean active, @Nullable Long programId, @Nullable Quota quota) {

	/** A cadre's number of households against the program's minimum and maximum. */
	public enum Quota {

		BELOW, ABOVE

	}

}
