package org.pomegranate.petition.loop;

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

	public boolean isResolved() {
		return this != UNRESOLVABLE;
	}

}
