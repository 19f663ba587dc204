package org.pomegranate.assessment.workflow;

/**
 * An assessment's life: 草稿 → 已提交 → 评估中 → (退回 per article → 已重新提交 → 评估中) → 已评估
 * (appeal window open) → (申诉中 → 已评估) → 已确认 (locked) after every approval level has
 * confirmed it. Message keys {@code AssessmentState.NAME}.
 */
public enum AssessmentState {

	DRAFT, SUBMITTED, RETURNED, RESUBMITTED, UNDER_REVIEW, EVALUATED, APPEALED, CONFIRMED;

	/** Waiting for the reviewer to (re)start: submitted or resubmitted. */
	public boolean awaitsReview() {
		return this == SUBMITTED || this == RESUBMITTED;
	}

	/** Whether it has the evaluator's result, to appeal, adopt or confirm, or confirmed: 已评估, 申诉中, 已确认. */
	public boolean evaluated() {
		return this == EVALUATED || this == APPEALED || this == CONFIRMED;
	}

	/** Whether the holder has handed it in: anything after the draft. */
	public boolean submitted() {
		return this != DRAFT;
	}

}
