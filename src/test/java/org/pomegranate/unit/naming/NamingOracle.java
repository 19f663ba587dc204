package org.pomegranate.unit.naming;

import java.util.EnumSet;
import java.util.Set;

import org.pomegranate.account.Role;

/**
 * What the title's workflow allows, written from the issue on its own, not read from the code
 * under test: which kind of user may take which step in which stage. The title is a 州级 title
 * of 阿坝州 (5132) held by a township of 马尔康市 (513201).
 */
final class NamingOracle {

	static final String ISSUER = "5132";

	/** The stages a title can be in, with the ones that read differently (past its last day, flagged). */
	enum Stage {

		APPLIED, NOT_NAMED, VALID, VALID_FLAGGED, VALID_PAST_END, UNDER_RECHECK, RECTIFYING, RECTIFYING_FLAGGED, EXPIRED,
		REVOKED, RENEWED;

		/** Held today: named, not ended, not past the last day. */
		boolean live() {
			return this == VALID || this == VALID_FLAGGED || this == UNDER_RECHECK || this == RECTIFYING
					|| this == RECTIFYING_FLAGGED;
		}

		boolean flagged() {
			return this == VALID_FLAGGED || this == RECTIFYING_FLAGGED;
		}

	}

	/** Who acts: by role, and where they sit against the issuing region 阿坝州. */
	enum Who {

		ISSUER_ADMIN(Role.ADMIN, "5132"), PROVINCE_ADMIN(Role.ADMIN, "51"), COUNTY_ADMIN(Role.ADMIN, "513201"),
		OTHER_PREFECTURE_ADMIN(Role.ADMIN, "5133"), ISSUER_SUPERVISOR(Role.SUPERVISOR, "5132"),
		COUNTY_SUPERVISOR(Role.SUPERVISOR, "513201"), ISSUER_STAFF(Role.STAFF, "5132"), COUNTY_STAFF(Role.STAFF, "513201"),
		REVIEWER(Role.REVIEWER, "5132");

		final Role role;

		final String regionCode;

		Who(Role role, String regionCode) {
			this.role = role;
			this.regionCode = regionCode;
		}

		/** The issuing region or one above it. */
		boolean ofTheIssuer() {
			return ISSUER.startsWith(regionCode);
		}

	}

	private static final Set<Role> ADMINS = EnumSet.of(Role.ADMIN);

	/** "SUPERVISOR of the issuing region runs draws and re-checks and records re-check results" (admins too). */
	private static final Set<Role> INSPECTORS = EnumSet.of(Role.SUPERVISOR, Role.ADMIN);

	private NamingOracle() {
	}

	static boolean allowed(Stage stage, NamingAction action, Who who) {
		if (!who.ofTheIssuer()) {
			return false;
		}
		return switch (action) {
			case NAME, REFUSE -> ADMINS.contains(who.role) && stage == Stage.APPLIED;
			case START_RECHECK -> INSPECTORS.contains(who.role) && (stage == Stage.VALID || stage == Stage.VALID_FLAGGED);
			case RECORD_RECHECK -> INSPECTORS.contains(who.role) && stage == Stage.UNDER_RECHECK;
			case END_RECTIFICATION -> ADMINS.contains(who.role)
					&& (stage == Stage.RECTIFYING || stage == Stage.RECTIFYING_FLAGGED);
			case REVOKE -> ADMINS.contains(who.role) && stage.live();
			case CLEAR_FLAG -> ADMINS.contains(who.role) && stage.flagged();
			case FILE, EXPIRE, RENEWED, FLAG, MOVE, WITHDRAW -> false;
		};
	}

	/** The state a step leads to (a re-check recorded as passed; a rectification accepted). */
	static NamingState stateAfter(Stage stage, NamingAction action) {
		return switch (action) {
			case NAME -> NamingState.VALID;
			case REFUSE -> NamingState.NOT_NAMED;
			case START_RECHECK -> NamingState.UNDER_RECHECK;
			case RECORD_RECHECK, END_RECTIFICATION -> NamingState.VALID;
			case REVOKE -> NamingState.REVOKED;
			case CLEAR_FLAG -> stage == Stage.VALID_FLAGGED ? NamingState.VALID : NamingState.RECTIFYING;
			default -> throw new IllegalArgumentException(action.name());
		};
	}

}
