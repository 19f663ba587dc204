package org.pomegranate.petition.loop;

import java.util.EnumSet;
import java.util.Set;

/**
 * How a petition was closed. Solved and answered with policy together are "resolved" (化解), the
 * figure seed 000 reports as 解决; unresolvable goes up to the region above.
 */
public enum Outcome {

	/** 已解决. */
	SOLVED,
	/** 政策解答: answered by explaining the policy; counts as resolved. */
	POLICY,
	/** 无法解决: escalated to the region above. */
	UNRESOLVABLE;

	/** Resolved (化解); SQL's twin is {@code petition_resolved(outcome)} in {@code R__petition.sql}. */
	static final Set<Outcome> RESOLVED = EnumSet.of(SOLVED, POLICY);

	public boolean isResolved() {
		return RESOLVED.contains(this);
	}

}
