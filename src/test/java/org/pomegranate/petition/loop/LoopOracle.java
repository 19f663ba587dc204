package org.pomegranate.petition.loop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;
import org.pomegranate.account.Role;

/**
 * What the loop allows, written out from the issue on its own, not read from the code under
 * test: which kind of user may take which step in which state. {@link PetitionRefusalTests} checks
 * the aggregate against it for every state × step × user, {@code PetitionWorkflowTests} the service
 * for a representative part of that grid.
 */
public final class LoopOracle {

	/** The states a petition can be in; closed and rated ones both as resolved and as escalated. */
	public enum Stage {

		REGISTERED(PetitionState.REGISTERED, Outcome.SOLVED), PUSHED(PetitionState.PUSHED, Outcome.SOLVED),
		RETURNED(PetitionState.RETURNED, Outcome.SOLVED), ACCEPTED(PetitionState.ACCEPTED, Outcome.SOLVED),
		IN_PROGRESS(PetitionState.IN_PROGRESS, Outcome.SOLVED), CLOSED(PetitionState.CLOSED, Outcome.SOLVED),
		CLOSED_ESCALATED(PetitionState.CLOSED, Outcome.UNRESOLVABLE), RATED(PetitionState.RATED, Outcome.SOLVED),
		RATED_ESCALATED(PetitionState.RATED, Outcome.UNRESOLVABLE), ARCHIVED(PetitionState.ARCHIVED, Outcome.SOLVED);

		public final PetitionState state;

		/** The outcome it was closed with, once it has been closed. */
		public final Outcome outcome;

		Stage(PetitionState state, Outcome outcome) {
			this.state = state;
			this.outcome = outcome;
		}

		public boolean isEscalated() {
			return this == CLOSED_ESCALATED || this == RATED_ESCALATED;
		}

	}

	/**
	 * Who acts, as the demo accounts are: the petition belongs to a village of 炉城街道 in 康定市,
	 * its handler is kd_staff, an unresolvable one goes up to 甘孜州 (5133).
	 */
	public enum Who {

		ADMIN("kd_admin", "康定市民宗局管理员", Role.ADMIN, "513301"),
		SUPERVISOR("kd_supervisor", "康定市督导", Role.SUPERVISOR, "513301"),
		HANDLER("kd_staff", "康定市填报员", Role.STAFF, "513301"),
		OTHER_STAFF("lc_staff", "炉城街道填报员", Role.STAFF, "513301001"),
		REVIEWER("gz_reviewer", "第三方评估专家", Role.REVIEWER, "5133"),
		PREFECTURE_SUPERVISOR("gz_supervisor", "州督导组", Role.SUPERVISOR, "5133");

		public final String username;

		public final Actor actor;

		Who(String username, String displayName, Role role, String regionCode) {
			this.username = username;
			this.actor = new Actor(username, displayName, role, regionCode);
		}

	}

	/** The steps taken on a registered petition: every action but registering. */
	public static final List<PetitionAction> STEPS = List.of(PetitionAction.PUSH, PetitionAction.ACCEPT,
			PetitionAction.RETURN, PetitionAction.PROGRESS, PetitionAction.CLOSE, PetitionAction.RATE,
			PetitionAction.ARCHIVE, PetitionAction.MARK_BACKLOG);

	private static final Map<PetitionAction, PetitionState> STATE_AFTER = Map.of(PetitionAction.PUSH,
			PetitionState.PUSHED, PetitionAction.ACCEPT, PetitionState.ACCEPTED, PetitionAction.RETURN,
			PetitionState.RETURNED, PetitionAction.PROGRESS, PetitionState.IN_PROGRESS, PetitionAction.CLOSE,
			PetitionState.CLOSED, PetitionAction.RATE, PetitionState.RATED, PetitionAction.ARCHIVE, PetitionState.ARCHIVED);

	private LoopOracle() {
	}

	/** What the issue allows; everything else must be refused. */
	public static boolean allowed(Stage stage, PetitionAction action, Who who) {
		if (who == Who.REVIEWER) {
			return false;
		}
		boolean staff = who == Who.HANDLER || who == Who.OTHER_STAFF;
		return switch (action) {
			// Pushed from registered or returned by anyone who records; an escalated one only by the region above.
			case PUSH -> stage == Stage.REGISTERED || stage == Stage.RETURNED
					|| (stage.isEscalated() && who == Who.PREFECTURE_SUPERVISOR);
			case ACCEPT, RETURN -> stage == Stage.PUSHED && (who == Who.ADMIN || who == Who.HANDLER);
			case PROGRESS, CLOSE -> (stage == Stage.ACCEPTED || stage == Stage.IN_PROGRESS)
					&& (who == Who.ADMIN || who == Who.HANDLER);
			// The citizen's rating is recorded by staff or an admin, never by the handler themselves.
			case RATE -> (stage == Stage.CLOSED || stage == Stage.CLOSED_ESCALATED)
					&& (who == Who.ADMIN || who == Who.OTHER_STAFF);
			case ARCHIVE -> (stage == Stage.RATED || stage == Stage.RATED_ESCALATED) && (who == Who.ADMIN || staff);
			case MARK_BACKLOG -> stage != Stage.ARCHIVED
					&& (who == Who.ADMIN || who == Who.SUPERVISOR || who == Who.PREFECTURE_SUPERVISOR);
			case REGISTER -> throw new IllegalArgumentException("registering is not a step of a petition");
		};
	}

	/** Where an allowed step leaves the petition; marking a backlog case leaves it where it was. */
	public static PetitionState stateAfter(Stage stage, PetitionAction action) {
		return action == PetitionAction.MARK_BACKLOG ? stage.state : STATE_AFTER.get(action);
	}

	/** Every state × every step × every kind of user: 10 × 8 × 6. */
	public static Stream<Arguments> grid() {
		var cases = new ArrayList<Arguments>();
		for (var stage : Stage.values()) {
			for (var action : STEPS) {
				for (var who : Who.values()) {
					cases.add(Arguments.of(stage, action, who));
				}
			}
		}
		return cases.stream();
	}

}
