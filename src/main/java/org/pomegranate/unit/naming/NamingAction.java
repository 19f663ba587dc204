package org.pomegranate.unit.naming;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A step in a title's life, as its history shows it and as a user may be allowed or refused it.
 * Labels live in the bundles as {@code NamingAction.NAME}. {@link #EXPIRE}, {@link #RENEWED},
 * {@link #FLAG}, {@link #MOVE} and {@link #WITHDRAW} are taken by the application itself (the
 * daily sweep, a renewal named, a lower title revoked or the unit merged, the holder moved to
 * another region, the applying unit merged), never by a user.
 */
public enum NamingAction {

	FILE, NAME, REFUSE, START_RECHECK, RECORD_RECHECK, END_RECTIFICATION, REVOKE, CLEAR_FLAG, EXPIRE, RENEWED, FLAG, MOVE, WITHDRAW;

	/** The steps a user takes on a title that exists. */
	public static final Set<NamingAction> USER_STEPS = EnumSet.of(NAME, REFUSE, START_RECHECK, RECORD_RECHECK,
			END_RECTIFICATION, REVOKE, CLEAR_FLAG);

	/** The last segment of the step's URL, {@code /namings/{id}/end-rectification}. */
	public String path() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
