package org.pomegranate.assessment.workflow;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.pomegranate.account.CurrentUser;
import org.pomegranate.account.Role;
import org.pomegranate.assessment.framework.IndicatorFramework;
import org.pomegranate.assessment.framework.IndicatorFrameworkRepository;
import org.pomegranate.assessment.framework.IndicatorNode;
import org.pomegranate.assessment.framework.IndicatorNodeRepository;
import org.pomegranate.audit.AuditAction;
import org.pomegranate.audit.AuditLog;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.OutOfScopeException;
import org.pomegranate.shared.RecordNotFoundException;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.shared.StaleEdits;
import org.springframework.stereotype.Component;

/**
 * The one way the assessment services load an assessment and tell who acts: staff, supervisors
 * and admins see the assessments of their region subtree; a reviewer sees only those with an
 * assignment whose window holds today. Anything else answers as a missing record (404), the same
 * status, headers and body. Also writes each step's history row and audit line.
 */
@Component
public class AssessmentAccess {

	public static final String ENTITY = "assessment";

	private final AssessmentRepository assessments;

	private final AssessmentScoreRepository scores;

	private final AssessmentEventRepository events;

	private final ReviewerAssignmentRepository assignments;

	private final IndicatorFrameworkRepository frameworks;

	private final IndicatorNodeRepository nodes;

	private final RegionScope scope;

	private final AuditLog auditLog;

	private final Clock clock;

	AssessmentAccess(AssessmentRepository assessments, AssessmentScoreRepository scores, AssessmentEventRepository events,
			ReviewerAssignmentRepository assignments, IndicatorFrameworkRepository frameworks, IndicatorNodeRepository nodes,
			RegionScope scope, AuditLog auditLog, Clock clock) {
		this.assessments = assessments;
		this.scores = scores;
		this.events = events;
		this.assignments = assignments;
		this.frameworks = frameworks;
		this.nodes = nodes;
		this.scope = scope;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	public LocalDate today() {
		return ChinaTime.today(clock);
	}

	/** The assessment if the signed-in user may see it; otherwise the same 404 as for none. */
	public Assessment get(long id) {
		var user = currentUser();
		var found = assessments.findById(id).orElseThrow(() -> new RecordNotFoundException(ENTITY, id));
		if (user.role() == Role.REVIEWER) {
			if (!assigned(user.getUsername(), id)) {
				throw new OutOfScopeException(ENTITY, id);
			}
			return found;
		}
		scope.checkRegion(found.getRegionCode(), ENTITY, id);
		return found;
	}

	/** The signed-in user as the assessment judges them today. */
	public Actor actor(Assessment assessment) {
		var user = currentUser();
		boolean assigned = user.role() == Role.REVIEWER && assigned(user.getUsername(), assessment.getId());
		return new Actor(user.getUsername(), user.role(), user.regionCode(), today(), assigned);
	}

	/** Whether {@code reviewer} holds an assignment to the assessment whose window holds today. */
	public boolean assigned(String reviewer, long assessmentId) {
		var today = today();
		return assignments.findByUserNameAndAssessmentId(reviewer, assessmentId)
			.stream()
			.anyMatch(assignment -> assignment.activeOn(today));
	}

	public IndicatorFramework framework(Assessment assessment) {
		return frameworks.findById(assessment.getFrameworkId())
			.orElseThrow(() -> new RecordNotFoundException("framework", assessment.getFrameworkId()));
	}

	/** The framework version's nodes, tree order within each parent. */
	public List<IndicatorNode> nodes(Assessment assessment) {
		return nodes.findByFrameworkIdOrderByPositionAscIdAsc(assessment.getFrameworkId());
	}

	public List<AssessmentScore> scores(Assessment assessment) {
		return scores.findByAssessmentId(assessment.getId());
	}

	/** The score row of one node of the assessment; a node of another version answers 404. */
	public AssessmentScore score(Assessment assessment, long nodeId) {
		return scores.findById(new AssessmentScore.Key(assessment.getId(), nodeId))
			.orElseThrow(() -> new RecordNotFoundException("assessment-score", nodeId));
	}

	/** Records a step taken (its history row and its audit line) and checks the optimistic lock the form carried. */
	public void record(Assessment assessment, AssessmentAction action, @Nullable Long nodeId,
			@Nullable String note) {
		events.save(new AssessmentEvent(assessment.getId(), action, nodeId, scope.currentUsername(), note));
		auditLog.record(AuditAction.UPDATE, ENTITY, assessment.getId(), action.name() + (nodeId == null ? "" : " node " + nodeId));
	}

	/** Refuses, as every stale edit is refused, a form made from an older version of the assessment. */
	public static void checkVersion(Assessment assessment, long formVersion) {
		StaleEdits.requireVersion(assessment.getVersion(), formVersion, ENTITY, assessment.getId());
	}

	private static CurrentUser currentUser() {
		if (RegionScope.currentPrincipal().orElse(null) instanceof CurrentUser user) {
			return user;
		}
		throw new RecordNotFoundException(ENTITY, "actor");
	}

}
