package org.pomegranate.unit.network;

import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.SearchText;

/**
 * The filters of the unit list: part of the name, kind, a region in scope, state, 规程上墙 done or
 * not ({@code wallPosted}), and holding a live title or not ({@code named}).
 */
public record UnitQuery(@Nullable String text, @Nullable UnitKind kind, @Nullable String regionCode,
		@Nullable UnitState state, @Nullable Boolean wallPosted, @Nullable Boolean named) {

	public static UnitQuery all() {
		return new UnitQuery(null, null, null, null, null, null);
	}

	public @Nullable String searchText() {
		return SearchText.clean(text);
	}

}
