package org.pomegranate.unit.naming;

import org.jspecify.annotations.Nullable;

/**
 * Who holds (or applies for) a title: a region (its code is {@code regionCode}), a unit or a
 * household, where it lies and the name the title carries ("扎西家庭" for a household).
 */
public record Holder(HolderKind kind, String regionCode, @Nullable Long unitId, @Nullable Long householdId, String name) {

	/** The key a chooser sends for this holder: {@code R:513201}, {@code U:12}, {@code H:34}. */
	public String key() {
		return switch (kind) {
			case REGION -> "R:" + regionCode;
			case UNIT -> "U:" + unitId;
			case HOUSEHOLD -> "H:" + householdId;
		};
	}

	/** The page of the holder itself: the region's, the unit's or the household's. */
	public String pagePath() {
		return switch (kind) {
			case REGION -> "/regions/" + regionCode;
			case UNIT -> "/units/" + unitId;
			case HOUSEHOLD -> "/households/" + householdId;
		};
	}

}
