package org.pomegranate.petition;

import java.time.LocalDate;
import java.util.UUID;

import org.pomegranate.petition.loop.Outcome;
import org.pomegranate.petition.loop.Rating;
import org.pomegranate.petition.loop.StepForm;

/**
 * A step's form as a test fills it in, naming each field it sets: {@code aStep().saying("马上办").build()}.
 * Unset fields stay empty; the version is 0, that of a petition no one has changed yet.
 */
final class StepForms {

	private String comment;

	private Long departmentId;

	private String handler;

	private Outcome outcome;

	private Rating rating;

	private String targetOn;

	private long version;

	private UUID submission;

	private StepForms() {
	}

	static StepForms aStep() {
		return new StepForms();
	}

	/** The page's one-time token: the same step sent twice with it is taken once. */
	StepForms submittedAs(UUID submission) {
		this.submission = submission;
		return this;
	}

	StepForms saying(String comment) {
		this.comment = comment;
		return this;
	}

	/** Pushed to {@code departmentId}, for {@code handler} there to handle. */
	StepForms pushedTo(long departmentId, String handler) {
		this.departmentId = departmentId;
		this.handler = handler;
		return this;
	}

	StepForms closedAs(Outcome outcome) {
		this.outcome = outcome;
		return this;
	}

	StepForms ratedAs(Rating rating) {
		this.rating = rating;
		return this;
	}

	StepForms targetOn(LocalDate targetOn) {
		this.targetOn = targetOn.toString();
		return this;
	}

	/** The petition's version when the page was opened. */
	StepForms atVersion(long version) {
		this.version = version;
		return this;
	}

	StepForm build() {
		return new StepForm(comment, departmentId, handler, outcome, rating, targetOn, version, submission);
	}

}
