package org.pomegranate.petition;

import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.Percent;

/**
 * The figures of the petitions collected in one region and period (see {@link PetitionFigures}
 * for each definition). Counts and sums only; the rates are computed from
 * them.
 */
public record PetitionCounts(long collected, long pushed, long accepted, long resolved, long policy, long unresolvable,
		long open, long overdue, long closed, long daysToClose, long rated, long satisfied, long everClosed,
		long reopened, long backlogOpened, long backlogClosed) {

	public static final PetitionCounts NONE = new PetitionCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

	/** 化解率: resolved of collected, in percent. */
	public @Nullable Double resolvedPercent() {
		return percent(resolved, collected);
	}

	/** Average days from receipt to closing, over the petitions closed now. */
	public double averageDaysToClose() {
		return closed == 0 ? 0 : (double) daysToClose / closed;
	}

	/** 满意率: (满意 + 基本满意) of rated, in percent. */
	public @Nullable Double satisfactionPercent() {
		return percent(satisfied, rated);
	}

	/** 重办率: reopened at least once, of those ever closed, in percent. */
	public @Nullable Double reopenPercent() {
		return percent(reopened, everClosed);
	}

	/** Two counts of separate petitions added up (the backlog figures are set apart). */
	public PetitionCounts plus(PetitionCounts other) {
		return new PetitionCounts(collected + other.collected, pushed + other.pushed, accepted + other.accepted,
				resolved + other.resolved, policy + other.policy, unresolvable + other.unresolvable, open + other.open,
				overdue + other.overdue, closed + other.closed, daysToClose + other.daysToClose, rated + other.rated,
				satisfied + other.satisfied, everClosed + other.everClosed, reopened + other.reopened,
				backlogOpened + other.backlogOpened, backlogClosed + other.backlogClosed);
	}

	PetitionCounts withOverdue(long count) {
		return new PetitionCounts(collected, pushed, accepted, resolved, policy, unresolvable, open, count, closed, daysToClose,
				rated, satisfied, everClosed, reopened, backlogOpened, backlogClosed);
	}

	PetitionCounts withBacklog(long opened, long closed) {
		return new PetitionCounts(collected, pushed, accepted, resolved, policy, unresolvable, open, overdue, this.closed,
				daysToClose, rated, satisfied, everClosed, reopened, opened, closed);
	}

	private static @Nullable Double percent(long part, long whole) {
		return Percent.of(part, whole);
	}

	/** One line of a breakdown: a region below, or a month. */
	public record Row(String key, String name, PetitionCounts figures) {
	}

}
