package org.pomegranate.petition.loop;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a petition stands in the loop. Labels live in the bundles as {@code PetitionState.NAME}.
 */
public enum PetitionState {

	/** 已登记: collected, not yet pushed. */
	REGISTERED,
	/** 已推送: pushed to a department and a handler, waiting to be accepted. */
	PUSHED,
	/** 已退回: the handler gave it back with a reason; the pusher's region pushes it again. */
	RETURNED,
	/** 已接单. */
	ACCEPTED,
	/** 办理中: progress noted, or reopened by a dissatisfied citizen. */
	IN_PROGRESS,
	/** 已办结: closed with an outcome, waiting for the citizen's rating. */
	CLOSED,
	/** 已回访: the citizen is satisfied or basically satisfied. */
	RATED,
	/** 已归档. */
	ARCHIVED;

	/**
	 * Not closed now. These sets are named once in Java and once in SQL ({@code petition_open(state)},
	 * {@code petition_awaiting_acceptance(state)} in {@code R__petition.sql}); PetitionFiguresTests
	 * holds the two to the same answers.
	 */
	static final Set<PetitionState> OPEN = EnumSet.of(REGISTERED, PUSHED, RETURNED, ACCEPTED, IN_PROGRESS);

	/** Not yet accepted by a handler: the accept limit still runs. */
	public static final Set<PetitionState> AWAITING_ACCEPTANCE = EnumSet.of(REGISTERED, PUSHED, RETURNED);

	public boolean isOpen() {
		return OPEN.contains(this);
	}

}
