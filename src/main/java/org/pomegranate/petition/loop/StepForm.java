package org.pomegranate.petition.loop;

import org.jspecify.annotations.Nullable;

/**
 * One step's form on the petition page as typed: the comment (reason, note, reply) and what the
 * step needs besides (department and handler to push to, outcome, rating, backlog target date).
 * {@code version} is the petition's version when the page was opened.
 */
public record StepForm(@Nullable String comment, @Nullable Long departmentId, @Nullable String handler,
		@Nullable Outcome outcome, @Nullable Rating rating, @Nullable String targetOn, @Nullable Long version) {

	public static StepForm empty(long version) {
		return new StepForm("", null, null, null, null, null, version);
	}

	public StepForm withTargetOn(@Nullable String targetOn) {
		return new StepForm(comment, departmentId, handler, outcome, rating, targetOn, version);
	}

}
