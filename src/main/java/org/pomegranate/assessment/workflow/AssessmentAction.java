package org.pomegranate.assessment.workflow;

/**
 * The steps of an assessment, each decided by {@link Assessment#refusal}: the holder's people
 * edit, submit, withdraw, resubmit and appeal; the assigned reviewer starts, scores, returns
 * articles, finishes (with the report) and answers appeals; the admins of the approval levels
 * adopt scores and confirm, bottom-up; the holder's people move a draft to a newer version.
 */
public enum AssessmentAction {

	EDIT, SUBMIT, WITHDRAW, RESUBMIT, START_REVIEW, SCORE, RETURN_ARTICLE, FINISH_REVIEW, APPEAL, ANSWER_APPEAL, ADOPT,
	CONFIRM, MOVE_VERSION

}
