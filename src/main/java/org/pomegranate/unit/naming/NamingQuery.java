package org.pomegranate.unit.naming;

import org.jspecify.annotations.Nullable;

/**
 * The title list's filters as the page sends them. {@code state} 已到期 finds the titles stored as
 * expired and the live ones past their last day; a live state finds only those still within it.
 */
public record NamingQuery(@Nullable String text, @Nullable HolderKind holderKind, @Nullable NamingLevel level,
		@Nullable NamingState state, @Nullable Long batch, @Nullable String regionCode, @Nullable Boolean flagged) {

	public static NamingQuery all() {
		return new NamingQuery(null, null, null, null, null, null, null);
	}

}
