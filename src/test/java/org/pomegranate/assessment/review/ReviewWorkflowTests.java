package org.pomegranate.assessment.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pomegranate.account.Role;
import org.pomegranate.assessment.workflow.Actor;
import org.pomegranate.assessment.workflow.Assessment;
import org.pomegranate.assessment.workflow.AssessmentAction;
import org.pomegranate.assessment.workflow.AssessmentState;
import org.pomegranate.assessment.workflow.ReviewerAssignment;
import org.pomegranate.shared.RegionLevel;
import org.springframework.beans.BeanUtils;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The oracle of the assessment's workflow, written from issue 12 apart from {@link Assessment}:
 * for every state × step × user (the holder county's admin, supervisor and staff, the
 * prefecture's admin, a reviewer assigned today, one never assigned and one whose window ended)
 * × the appeal window open or closed × the first or second approval level due, the table below
 * says whether the step is open, and {@link Assessment#refusal} must agree.
 */
class ReviewWorkflowTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

	private static final String COUNTY = "513301";

	private static final String PREFECTURE = "5133";

	/** The framework confirms at the county, then at the prefecture. */
	private static final List<RegionLevel> LEVELS = List.of(RegionLevel.COUNTY, RegionLevel.PREFECTURE);

	enum Who {

		COUNTY_ADMIN, COUNTY_SUPERVISOR, COUNTY_STAFF, PREFECTURE_ADMIN, REVIEWER_ASSIGNED, REVIEWER_NOT_ASSIGNED,
		REVIEWER_WINDOW_ENDED;

		Actor actor() {
			return switch (this) {
				case COUNTY_ADMIN -> new Actor("a", Role.ADMIN, COUNTY, TODAY, false);
				case COUNTY_SUPERVISOR -> new Actor("s", Role.SUPERVISOR, COUNTY, TODAY, false);
				case COUNTY_STAFF -> new Actor("t", Role.STAFF, COUNTY, TODAY, false);
				case PREFECTURE_ADMIN -> new Actor("p", Role.ADMIN, PREFECTURE, TODAY, false);
				case REVIEWER_ASSIGNED -> reviewer(TODAY.minusDays(3), TODAY.plusDays(3));
				case REVIEWER_NOT_ASSIGNED -> new Actor("r", Role.REVIEWER, PREFECTURE, TODAY, false);
				case REVIEWER_WINDOW_ENDED -> reviewer(TODAY.minusDays(30), TODAY.minusDays(1));
			};
		}

		/** A reviewer as the service sees them: assigned when their assignment's window holds today. */
		private static Actor reviewer(LocalDate from, LocalDate until) {
			var assignment = new ReviewerAssignment(1, "r", 1, from, until, "p");
			return new Actor("r", Role.REVIEWER, PREFECTURE, TODAY, assignment.activeOn(TODAY));
		}

	}

	/** The issue's table of who may take which step when. */
	static boolean oracle(AssessmentState state, AssessmentAction action, Who who, boolean appealOpen, int approvals) {
		boolean holdersPeople = who == Who.COUNTY_ADMIN || who == Who.COUNTY_STAFF || who == Who.PREFECTURE_ADMIN;
		boolean reviewer = who == Who.REVIEWER_ASSIGNED;
		Who approver = approvals == 0 ? Who.COUNTY_ADMIN : approvals == 1 ? Who.PREFECTURE_ADMIN : null;
		return switch (action) {
			case EDIT -> holdersPeople && (state == AssessmentState.DRAFT || state == AssessmentState.RETURNED);
			case SUBMIT, MOVE_VERSION -> holdersPeople && state == AssessmentState.DRAFT;
			case WITHDRAW -> holdersPeople && state == AssessmentState.SUBMITTED;
			case RESUBMIT -> holdersPeople && state == AssessmentState.RETURNED;
			case APPEAL -> holdersPeople && state == AssessmentState.EVALUATED && appealOpen;
			case START_REVIEW -> reviewer && (state == AssessmentState.SUBMITTED || state == AssessmentState.RESUBMITTED);
			case SCORE, RETURN_ARTICLE, FINISH_REVIEW -> reviewer && state == AssessmentState.UNDER_REVIEW;
			case ANSWER_APPEAL -> reviewer && state == AssessmentState.APPEALED;
			case ADOPT, CONFIRM -> who == approver && state == AssessmentState.EVALUATED && !appealOpen;
		};
	}

	@Test
	void everyStepIsOpenToExactlyWhomTheIssueSaysInEachState() {
		var failures = new ArrayList<String>();
		int cases = 0;
		for (var state : AssessmentState.values()) {
			for (boolean appealOpen : new boolean[] { true, false }) {
				for (int approvals = 0; approvals <= 1; approvals++) {
					var assessment = assessment(state, appealOpen, approvals);
					for (var action : AssessmentAction.values()) {
						for (var who : Who.values()) {
							cases++;
							boolean expected = oracle(state, action, who, appealOpen, approvals);
							var refusal = assessment.refusal(action, who.actor(), LEVELS);
							if (refusal.isEmpty() != expected) {
								failures.add(state + (appealOpen ? " appeal open" : " appeal closed") + " approvals "
										+ approvals + " " + action + " by " + who + ": expected "
										+ (expected ? "allowed" : "refused") + ", got " + refusal.orElse("allowed"));
							}
						}
					}
				}
			}
		}
		assertThat(cases).isEqualTo(AssessmentState.values().length * 2 * 2 * AssessmentAction.values().length * Who.values().length);
		assertThat(failures).isEmpty();
	}

	/** A reviewer who may not act is told they have no live assignment, not that the state is wrong. */
	@Test
	void aReviewerWithoutALiveAssignmentIsToldSoInEveryState() {
		for (var state : AssessmentState.values()) {
			var assessment = assessment(state, false, 0);
			for (var action : List.of(AssessmentAction.START_REVIEW, AssessmentAction.SCORE, AssessmentAction.RETURN_ARTICLE,
					AssessmentAction.FINISH_REVIEW, AssessmentAction.ANSWER_APPEAL)) {
				for (var who : List.of(Who.REVIEWER_NOT_ASSIGNED, Who.REVIEWER_WINDOW_ENDED, Who.COUNTY_ADMIN)) {
					assertThat(assessment.refusal(action, who.actor(), LEVELS)).as(state + " " + action + " " + who)
						.contains("assessment.refused.notAssigned");
				}
			}
		}
	}

	/** An assessment of 康定市 in {@code state}, as the database would load it. */
	private static Assessment assessment(AssessmentState state, boolean appealOpen, int approvals) {
		var assessment = BeanUtils.instantiateClass(Assessment.class);
		ReflectionTestUtils.setField(assessment, "holderRegionCode", COUNTY);
		ReflectionTestUtils.setField(assessment, "state", state);
		ReflectionTestUtils.setField(assessment, "approvals", approvals);
		ReflectionTestUtils.setField(assessment, "appealUntil", appealOpen ? TODAY.plusDays(2) : TODAY.minusDays(1));
		return assessment;
	}

}
