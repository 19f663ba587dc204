package org.pomegranate.pairing;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.pomegranate.pairing.program.VisitForm;
import org.pomegranate.shared.SubmissionTokens;

/**
 * A visit form as a test fills it in, naming each field it sets:
 * {@code aVisit().on(day).as(VisitKind.PHONE).by("干部一").finding("正常").build()}. By default a
 * home visit today with nothing written, no aid and no follow-up.
 */
final class VisitForms {

	private LocalDate visitedOn = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	private VisitKind kind = VisitKind.HOME_VISIT;

	private String visitors;

	private String findings;

	private String actionsTaken;

	private @Nullable UUID submission;

	private VisitForms() {
	}

	static VisitForms aVisit() {
		return new VisitForms();
	}

	VisitForms on(LocalDate visitedOn) {
		this.visitedOn = visitedOn;
		return this;
	}

	VisitForms as(VisitKind kind) {
		this.kind = kind;
		return this;
	}

	VisitForms by(String visitors) {
		this.visitors = visitors;
		return this;
	}

	VisitForms finding(String findings) {
		this.findings = findings;
		return this;
	}

	VisitForms doing(String actionsTaken) {
		this.actionsTaken = actionsTaken;
		return this;
	}

	/** The form's one-time token, to send the same form again; by default each built form has a new one. */
	VisitForms submittedAs(UUID submission) {
		this.submission = submission;
		return this;
	}

	VisitForm build() {
		return new VisitForm(visitedOn.toString(), kind, visitors, findings, actionsTaken, "0", false,
				submission == null ? SubmissionTokens.fresh() : submission);
	}

}
