package org.pomegranate.assessment.workflow;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.validation.Valid;
import org.pomegranate.account.AccountService;
import org.pomegranate.assessment.workflow.ReviewForms.AssignmentForm;
import org.pomegranate.audit.AuditAction;
import org.pomegranate.audit.AuditLog;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.FieldProblems;
import org.pomegranate.shared.RecordNotFoundException;
import org.pomegranate.shared.RegionCode;
import org.pomegranate.shared.RegionScope;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * 指派评估: an admin of the holder's region or of one above it assigns a reviewer of an
 * evaluating institution (one registered at the holder's region or above it) to a submitted
 * assessment for a window of days, and may end an assignment early. The reviewer sees the
 * assessment only while an assignment of theirs is live ({@link AssessmentAccess#assigned}).
 * An assessment outside the admin's subtree answers as a missing one; every change is audited.
 */
@Service
@Validated
@Transactional(readOnly = true)
@PreAuthorize("hasRole('ADMIN')")
public class ReviewerAssignments {

	static final String ENTITY = "reviewer-assignment";

	private static final int HANDED_IN_SHOWN = 100;

	private static final Set<AssessmentState> ASSIGNABLE = EnumSet.of(AssessmentState.SUBMITTED, AssessmentState.RETURNED,
			AssessmentState.RESUBMITTED, AssessmentState.UNDER_REVIEW, AssessmentState.EVALUATED, AssessmentState.APPEALED);

	private final ReviewerAssignmentRepository assignments;

	private final EvaluatingInstitutionRepository institutions;

	private final InstitutionReviewerRepository members;

	private final AssessmentAccess access;

	private final AssessmentRepository assessments;

	private final AccountService accounts;

	private final RegionScope scope;

	private final AuditLog auditLog;

	ReviewerAssignments(ReviewerAssignmentRepository assignments, EvaluatingInstitutionRepository institutions,
			InstitutionReviewerRepository members, AssessmentAccess access, AssessmentRepository assessments,
			AccountService accounts, RegionScope scope, AuditLog auditLog) {
		this.assignments = assignments;
		this.institutions = institutions;
		this.members = members;
		this.access = access;
		this.assessments = assessments;
		this.accounts = accounts;
		this.scope = scope;
		this.auditLog = auditLog;
	}

	/** An assignment as its list shows it: the reviewer's name, the institution's, whether it lets them in today. */
	public record Listed(ReviewerAssignment assignment, String reviewerName, String institutionName, boolean live,
			boolean endable) {
	}

	/** A reviewer who may be assigned: a member of an institution at the holder's region or above. */
	public record Candidate(String username, String displayName, long institutionId, String institutionName) {
	}

	/** The assessments of the admin's subtree handed in and not yet confirmed, the latest submission first: those to assign. */
	public List<Assessment> handedIn() {
		Specification<Assessment> where = scope.specification(Assessment_.HOLDER_REGION_CODE);
		where = where.and((root, query, builder) -> root.get(Assessment_.state).in(ASSIGNABLE));
		return assessments.findAll(where, PageRequest.of(0, HANDED_IN_SHOWN, Sort.by(Sort.Direction.DESC, "submittedAt")))
			.getContent();
	}

	/** The assessment, if the admin may assign to it; otherwise the 404 of a missing one. */
	public Assessment assessment(long assessmentId) {
		return access.get(assessmentId);
	}

	public List<Listed> list(long assessmentId) {
		var assessment = access.get(assessmentId);
		var today = access.today();
		var made = assignments.findByAssessmentIdOrderByAssignedAtAsc(assessment.getId());
		var names = new HashMap<Long, String>();
		institutions.findAllById(made.stream().map(ReviewerAssignment::getInstitutionId).distinct().toList())
			.forEach(institution -> names.put(institution.getId(), institution.getName()));
		return made.stream()
			.map(assignment -> new Listed(assignment, displayName(assignment.getUserName()),
					names.getOrDefault(assignment.getInstitutionId(), "—"), assignment.activeOn(today),
					assignment.getEndedAt() == null && !assignment.getEndsOn().isBefore(today)))
			.toList();
	}

	/** The reviewers of the institutions registered at the holder's region or above it. */
	public List<Candidate> candidates(long assessmentId) {
		var assessment = access.get(assessmentId);
		var path = RegionCode.of(assessment.getHolderRegionCode()).path().stream().map(RegionCode::toString).toList();
		var serving = institutions.findByRegionCodeInOrderByRegionCodeAscNameAsc(path);
		var names = new HashMap<Long, String>();
		serving.forEach(institution -> names.put(institution.getId(), institution.getName()));
		if (serving.isEmpty()) {
			return List.of();
		}
		return members.findByInstitutionIdInOrderByUserNameAsc(names.keySet())
			.stream()
			.flatMap(member -> accounts.enabledUser(member.getUserName())
				.map(user -> new Candidate(user.username(), user.displayName(), member.getInstitutionId(),
						names.get(member.getInstitutionId())))
				.stream())
			.toList();
	}

	/**
	 * 指派: the assessment handed in and not yet confirmed; the reviewer one of {@link #candidates};
	 * the window's last day not before its first nor before today; no other open assignment of the
	 * same reviewer to it.
	 */
	@Transactional
	public ReviewerAssignment assign(long assessmentId, @Valid AssignmentForm form) {
		var assessment = access.get(assessmentId);
		if (!ASSIGNABLE.contains(assessment.getState())) {
			throw new BusinessRuleException("review.assign.notSubmitted");
		}
		var problems = new FieldProblems();
		var candidate = candidates(assessmentId).stream()
			.filter(found -> found.username().equals(form.cleanReviewer()))
			.findFirst();
		if (candidate.isEmpty()) {
			problems.reject("reviewer", "review.assign.reviewer.invalid");
		}
		var starts = form.startDate();
		var ends = form.endDate();
		if (starts == null) {
			problems.reject("startsOn", "validation.date");
		}
		if (ends == null) {
			problems.reject("endsOn", "validation.date");
		}
		var today = access.today();
		if (starts != null && ends != null && ends.isBefore(starts)) {
			problems.reject("endsOn", "review.assign.window");
		}
		if (ends != null && ends.isBefore(today)) {
			problems.reject("endsOn", "review.assign.past");
		}
		problems.throwIfAny();
		var reviewer = candidate.orElseThrow();
		boolean open = assignments.findByUserNameAndAssessmentId(reviewer.username(), assessmentId)
			.stream()
			.anyMatch(earlier -> earlier.getEndedAt() == null && !earlier.getEndsOn().isBefore(today));
		if (open) {
			problems.reject("reviewer", "review.assign.duplicate").throwIfAny();
		}
		var assignment = assignments.saveAndFlush(new ReviewerAssignment(assessmentId, reviewer.username(),
				reviewer.institutionId(), Objects.requireNonNull(starts), Objects.requireNonNull(ends), scope.currentUsername()));
		auditLog.record(AuditAction.CREATE, ENTITY, assignment.getId(), "指派 " + reviewer.username() + "（"
				+ reviewer.institutionName() + "）评估测评 " + assessmentId + "：" + starts + " 至 " + ends);
		return assignment;
	}

	/** 结束指派: from now the reviewer no longer sees the assessment. */
	@Transactional
	public void end(long assessmentId, long assignmentId) {
		var assessment = access.get(assessmentId);
		var assignment = assignments.findById(assignmentId)
			.filter(found -> found.getAssessmentId() == assessment.getId())
			.orElseThrow(() -> new RecordNotFoundException(ENTITY, assignmentId));
		if (assignment.getEndedAt() != null) {
			throw new BusinessRuleException("review.assign.alreadyEnded");
		}
		assignment.end();
		assignments.saveAndFlush(assignment);
		auditLog.record(AuditAction.UPDATE, ENTITY, assignmentId,
				"结束指派 " + assignment.getUserName() + "（测评 " + assessmentId + "）");
	}

	private String displayName(String username) {
		return accounts.enabledUser(username).map(user -> user.displayName()).orElse(username);
	}

}
