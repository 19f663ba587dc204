package org.pomegranate.petition.loop;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.validation.PlainText;

/**
 * One step's form on the petition page as typed: the comment (reason, note, reply) and what the
 * step needs besides (department and handler to push to, outcome, rating, backlog target date).
 * Which of these a step requires is the service's to say. {@code version} is the petition's
 * version when the page was opened; {@code submission} the page's one-time token, by which a step
 * sent twice (a double click, a resend) is taken once and the second answer is its success.
 */
public record StepForm(@PlainText(max = 2000, multiline = true) @Nullable String comment,
		@Nullable Long departmentId, @Nullable String handler,
		@Nullable Outcome outcome, @Nullable Rating rating, @Nullable String targetOn, @Nullable Long version,
		@Nullable UUID submission) {

	public static StepForm empty(long version) {
		return new StepForm("", null, null, null, null, null, version, null);
	}

	public StepForm withTargetOn(@Nullable String targetOn) {
		return new StepForm(comment, departmentId, handler, outcome, rating, targetOn, version, submission);
	}

}
