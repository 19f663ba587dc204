package org.pomegranate.assessment.workflow;

import java.util.HashMap;
import java.util.Objects;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.pomegranate.assessment.framework.IndicatorNode;
import org.pomegranate.assessment.workflow.DecisionForms.AdoptForm;
import org.pomegranate.assessment.workflow.DecisionForms.AppealForm;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.FieldProblems;
import org.pomegranate.shared.RecordNotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The steps after the evaluation: within the appeal window the holder's people appeal single
 * articles and hand the appeals to the reviewer (申诉), or waive the rest of the window; then the
 * admins of each approval level, bottom-up, adopt a score where they differ from the evaluator
 * (with the reason) and confirm. The last confirmation locks the assessment with the adopted
 * total, veto and pass. Who and when is the aggregate's; each step is recorded and audited.
 */
@Service
@Validated
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'STAFF')")
public class AssessmentDecisions {

	private final AssessmentRepository assessments;

	private final AssessmentAccess access;

	AssessmentDecisions(AssessmentRepository assessments, AssessmentAccess access) {
		this.assessments = assessments;
		this.access = access;
	}

	/** What the signed-in user may decide now, and whose turn it is to confirm; for the page. */
	public record Allowed(boolean appeal, boolean adopt, boolean confirm, boolean appealOpen, @Nullable String nextApprover,
			int approvals, int approvers) {
	}

	public Allowed allowed(long assessmentId) {
		var assessment = access.get(assessmentId);
		var actor = access.actor(assessment);
		var levels = access.framework(assessment).approvalLevels();
		return new Allowed(assessment.refusal(AssessmentAction.APPEAL, actor, levels).isEmpty(),
				assessment.refusal(AssessmentAction.ADOPT, actor, levels).isEmpty(),
				assessment.refusal(AssessmentAction.CONFIRM, actor, levels).isEmpty(), assessment.appealOpen(access.today()),
				assessment.nextApprover(levels).orElse(null), assessment.getApprovals(), assessment.approvers(levels).size());
	}

	/** 申诉 of one article while the window is open: the text is required; a second appeal replaces the first before filing. */
	@Transactional
	public void appeal(long assessmentId, long nodeId, @Valid AppealForm form) {
		var assessment = access.get(assessmentId);
		AssessmentAccess.checkVersion(assessment, Objects.requireNonNull(form.version(), "version"));
		var score = access.score(assessment, nodeId);
		var actor = access.actor(assessment);
		var levels = access.framework(assessment).approvalLevels();
		assessment.articleRefusal(AssessmentAction.APPEAL, actor, score, levels).ifPresent(key -> {
			throw new BusinessRuleException(key);
		});
		var text = form.cleanText();
		if (text == null) {
			new FieldProblems().reject("text", "assessment.decision.appealText").throwIfAny();
		}
		assessment.appeal(score, Objects.requireNonNull(text), actor, levels);
		assessments.saveAndFlush(assessment);
		access.record(assessment, AssessmentAction.APPEAL, nodeId, text);
	}

	/** Hands the appeals written so far to the reviewer (申诉中). */
	@Transactional
	public void fileAppeals(long assessmentId, long version) {
		var assessment = access.get(assessmentId);
		AssessmentAccess.checkVersion(assessment, version);
		assessment.fileAppeals(access.scores(assessment), access.actor(assessment),
				access.framework(assessment).approvalLevels());
		assessments.saveAndFlush(assessment);
		access.record(assessment, AssessmentAction.APPEAL, null, "提交申诉");
	}

	/** 放弃申诉: the window closes today, so that the approval levels may confirm at once. */
	@Transactional
	public void waiveAppeal(long assessmentId, long version) {
		var assessment = access.get(assessmentId);
		AssessmentAccess.checkVersion(assessment, version);
		assessment.waiveAppeal(access.actor(assessment), access.framework(assessment).approvalLevels());
		assessments.saveAndFlush(assessment);
		access.record(assessment, AssessmentAction.APPEAL, null, "放弃申诉");
	}

	/**
	 * 采用得分 of one article by the approval level whose turn it is: within what the node allows;
	 * a score other than the evaluator's needs the reason. A blank score takes the evaluator's.
	 */
	@Transactional
	public void adopt(long assessmentId, long nodeId, @Valid AdoptForm form) {
		var assessment = access.get(assessmentId);
		AssessmentAccess.checkVersion(assessment, Objects.requireNonNull(form.version(), "version"));
		var score = access.score(assessment, nodeId);
		var actor = access.actor(assessment);
		var levels = access.framework(assessment).approvalLevels();
		assessment.articleRefusal(AssessmentAction.ADOPT, actor, score, levels).ifPresent(key -> {
			throw new BusinessRuleException(key);
		});
		var node = node(assessment, nodeId);
		var value = form.value() != null ? form.value() : score.getEvaluatorScore();
		var problems = new FieldProblems();
		if (value == null) {
			problems.reject("score", "assessment.decision.adoptScore").throwIfAny();
		}
		if (!AssessmentDrafts.allows(node, Objects.requireNonNull(value))) {
			problems.reject("score", "assessment.score.notAllowed");
		}
		var reason = form.cleanReason();
		var evaluator = score.getEvaluatorScore();
		if (reason == null && (evaluator == null || evaluator.compareTo(value) != 0)) {
			problems.reject("reason", "assessment.decision.adoptReason");
		}
		problems.throwIfAny();
		assessment.adopt(score, value, reason, actor, levels);
		assessments.saveAndFlush(assessment);
		access.record(assessment, AssessmentAction.ADOPT, nodeId,
				"采用 " + node.getCode() + "：" + value.stripTrailingZeros().toPlainString() + (reason == null ? "" : "（" + reason + "）"));
	}

	/** 确认 by the approval level whose turn it is; the last level locks it (已确认). */
	@Transactional
	public void confirm(long assessmentId, long version) {
		var assessment = access.get(assessmentId);
		AssessmentAccess.checkVersion(assessment, version);
		var framework = access.framework(assessment);
		var nodes = access.nodes(assessment);
		var all = access.scores(assessment);
		var confirmer = access.actor(assessment).regionCode();
		assessment.confirm(all, access.actor(assessment), framework.approvalLevels(),
				() -> AssessmentSheets.tally(framework, nodes, all, AssessmentSheets::adoptedOrEvaluator));
		assessments.saveAndFlush(assessment);
		access.record(assessment, AssessmentAction.CONFIRM, null,
				assessment.getState() == AssessmentState.CONFIRMED ? "确认（终审）" : "确认（" + confirmer + "）");
	}

	private IndicatorNode node(Assessment assessment, long nodeId) {
		var byId = new HashMap<Long, IndicatorNode>();
		access.nodes(assessment).forEach(node -> byId.put(node.getId(), node));
		var node = byId.get(nodeId);
		if (node == null) {
			throw new RecordNotFoundException("assessment-score", nodeId);
		}
		return node;
	}

}
