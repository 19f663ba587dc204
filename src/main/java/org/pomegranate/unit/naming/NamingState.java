package org.pomegranate.unit.naming;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a title stands: 申报中 → 已命名(有效) → 复查中 → 有效, or 限期整改 → 有效 or 已撤销; 有效 →
 * 已到期 after its last day unless renewed (the renewed one becomes 已续期); an application may end
 * 未予命名. The stored state of a live title whose last day has passed reads as {@link #EXPIRED}
 * ({@link #LIVE} states only) until the daily sweep writes it.
 */
public enum NamingState {

	APPLIED, NOT_NAMED, VALID, UNDER_RECHECK, RECTIFYING, EXPIRED, REVOKED, RENEWED;

	/** A named title that has neither ended nor been revoked. */
	public static final Set<NamingState> LIVE = EnumSet.of(VALID, UNDER_RECHECK, RECTIFYING);

	public boolean isLive() {
		return LIVE.contains(this);
	}

}
