package org.pomegranate.assessment.workflow;

import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.pomegranate.assessment.framework.IndicatorFramework;
import org.pomegranate.assessment.framework.IndicatorFrameworkRepository;
import org.pomegranate.assessment.framework.IndicatorNode;
import org.pomegranate.assessment.framework.Tally;
import org.pomegranate.assessment.workflow.ReviewForms.AppealAnswerForm;
import org.pomegranate.assessment.workflow.ReviewForms.EvaluatorScoreForm;
import org.pomegranate.assessment.workflow.ReviewForms.ReportForm;
import org.pomegranate.assessment.workflow.ReviewForms.ReturnForm;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.FieldProblems;
import org.pomegranate.shared.RecordNotFoundException;
import org.pomegranate.shared.RegionLevel;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.shared.StaleEdits;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * 第三方评估, the reviewer's side: their assignments, and the steps on an assessment they hold a
 * live assignment to (start, score each scored node within what it allows, return articles for
 * more evidence and send them back to the holder, write the report, finish with the evaluator's
 * total and the appeal window of the framework, answer appeals and close them). Each step loads
 * through {@link AssessmentAccess#get} (no live assignment: the 404 of a missing assessment),
 * refuses a form of an older version, asks the aggregate, and is recorded and audited.
 */
@Service
@Validated
@Transactional(readOnly = true)
@PreAuthorize("hasRole('REVIEWER')")
public class Reviews {

	private final AssessmentRepository assessments;

	private final ReviewerAssignmentRepository assignments;

	private final IndicatorFrameworkRepository frameworks;

	private final AssessmentAccess access;

	private final AssessmentSheets sheets;

	private final RegionScope scope;

	Reviews(AssessmentRepository assessments, ReviewerAssignmentRepository assignments, IndicatorFrameworkRepository frameworks,
			AssessmentAccess access, AssessmentSheets sheets, RegionScope scope) {
		this.assessments = assessments;
		this.assignments = assignments;
		this.frameworks = frameworks;
		this.access = access;
		this.sheets = sheets;
		this.scope = scope;
	}

	/**
	 * One assignment of the reviewer: the assessment's holder, framework and state, the window,
	 * whether it lets them in today ({@code live}) and the days left of it (0 on its last day).
	 */
	public record Task(ReviewerAssignment assignment, Assessment assessment, String frameworkName, int frameworkVersion,
			boolean live, long daysLeft) {
	}

	/** The reviewer's page of one assessment: the sheet, the buttons, the nodes whose appeal awaits an answer. */
	public record ReviewSheet(AssessmentSheet sheet, Permissions may, Set<Long> appealsToAnswer, int appealDays) {

		public ReviewSheet {
			appealsToAnswer = Set.copyOf(appealsToAnswer);
		}

		public boolean answers(IndicatorNode node) {
			return appealsToAnswer.contains(node.getId());
		}

	}

	/** What the reviewer may do now, as the aggregate decides. */
	public record Permissions(boolean start, boolean score, boolean returnArticle, boolean sendBack, boolean report,
			boolean finish, boolean answerAppeal, boolean closeAppeals) {
	}

	/** The signed-in reviewer's assignments, the latest window first. */
	public List<Task> tasks() {
		var today = access.today();
		return assignments.findByUserNameOrderByStartsOnDesc(scope.currentUsername())
			.stream()
			.flatMap(assignment -> assessments.findById(assignment.getAssessmentId()).stream().map(assessment -> {
				var framework = frameworks.findById(assessment.getFrameworkId());
				boolean live = assignment.activeOn(today);
				return new Task(assignment, assessment, framework.map(found -> found.getName()).orElse("—"),
						framework.map(found -> found.getVersionNumber()).orElse(0), live,
						live ? ChronoUnit.DAYS.between(today, assignment.getEndsOn()) : 0);
			}))
			.toList();
	}

	/** How many assessments the reviewer may work on today. */
	public long liveTaskCount() {
		var today = access.today();
		return assignments.findByUserNameOrderByStartsOnDesc(scope.currentUsername())
			.stream()
			.filter(assignment -> assignment.activeOn(today))
			.map(ReviewerAssignment::getAssessmentId)
			.distinct()
			.count();
	}

	/** Refuses, with the 404 of a missing one, an assessment the reviewer holds no live assignment to. */
	public void visible(long assessmentId) {
		access.get(assessmentId);
	}

	public ReviewSheet sheet(long assessmentId) {
		var sheet = sheets.sheet(assessmentId);
		var assessment = sheet.assessment();
		var actor = access.actor(assessment);
		var levels = sheet.framework().approvalLevels();
		var answer = new HashSet<Long>();
		for (var row : sheet.rows().values()) {
			if (assessment.articleRefusal(AssessmentAction.ANSWER_APPEAL, actor, row.score(), levels).isEmpty()) {
				answer.add(row.node().getId());
			}
		}
		boolean scoring = allowed(assessment, AssessmentAction.SCORE, actor, levels);
		boolean returning = allowed(assessment, AssessmentAction.RETURN_ARTICLE, actor, levels);
		boolean anyReturned = sheet.rows().values().stream().anyMatch(row -> row.score().isReturned());
		boolean appealing = allowed(assessment, AssessmentAction.ANSWER_APPEAL, actor, levels);
		var may = new Permissions(allowed(assessment, AssessmentAction.START_REVIEW, actor, levels), scoring, returning,
				returning && anyReturned, scoring, allowed(assessment, AssessmentAction.FINISH_REVIEW, actor, levels),
				appealing && !answer.isEmpty(), appealing && answer.isEmpty());
		return new ReviewSheet(sheet, may, answer, sheet.framework().getAppealDays());
	}

	/** 开始评估 of a (re)submitted assessment. */
	@Transactional
	public void start(long assessmentId, long version) {
		var step = step(assessmentId, version);
		step.assessment().startReview(step.actor(), step.levels());
		save(step, AssessmentAction.START_REVIEW, null, "第 " + step.assessment().getSubmissionCount() + " 次提交");
	}

	/** 评估打分 of one scored node, within what the node allows (a veto item 0 or 1: 1 means hit). */
	@Transactional
	public void score(long assessmentId, long nodeId, @Valid EvaluatorScoreForm form) {
		var step = step(assessmentId, StaleEdits.versionOf(form.version()));
		var score = access.score(step.assessment(), nodeId);
		var node = node(step.assessment(), nodeId);
		check(step.assessment().articleRefusal(AssessmentAction.SCORE, step.actor(), score, step.levels()));
		var value = form.value();
		if (value == null || !AssessmentDrafts.allows(node, value)) {
			new FieldProblems().reject("score", "review.score.notAllowed").throwIfAny();
		}
		step.assessment().scoreEvaluator(score, Objects.requireNonNull(value), form.cleanNote(), step.actor(), step.levels());
		save(step, AssessmentAction.SCORE, nodeId, "评估 " + node.getCode() + "：" + value.stripTrailingZeros().toPlainString());
	}

	/** 退回补充材料 of one article, with the reason the holder reads; the assessment goes back with {@link #sendBack}. */
	@Transactional
	public void returnArticle(long assessmentId, long nodeId, @Valid ReturnForm form) {
		var step = step(assessmentId, StaleEdits.versionOf(form.version()));
		var score = access.score(step.assessment(), nodeId);
		var node = node(step.assessment(), nodeId);
		step.assessment().returnArticle(score, form.cleanReason(), step.actor(), step.levels());
		save(step, AssessmentAction.RETURN_ARTICLE, nodeId, "退回 " + node.getCode() + "：" + form.cleanReason());
	}

	/** 退回被评对象: the returned articles go to the holder, who may edit only them and resubmit. */
	@Transactional
	public void sendBack(long assessmentId, long version) {
		var step = step(assessmentId, version);
		var scores = access.scores(step.assessment());
		step.assessment().sendBack(scores, step.actor(), step.levels());
		long returned = scores.stream().filter(AssessmentScore::isReturned).count();
		save(step, AssessmentAction.RETURN_ARTICLE, null, "退回 " + returned + " 条补充材料");
	}

	/** 评估报告: written (and rewritten) while the evaluation is under way. */
	@Transactional
	public void writeReport(long assessmentId, @Valid ReportForm form) {
		var step = step(assessmentId, StaleEdits.versionOf(form.version()));
		step.assessment().writeReport(form.cleanText(), step.actor(), step.levels());
		save(step, AssessmentAction.SCORE, null, "评估报告");
	}

	/** 完成评估: the evaluator's total and the appeal window of the framework's appeal days, from today. */
	@Transactional
	public Tally finish(long assessmentId, long version) {
		var step = step(assessmentId, version);
		var scores = access.scores(step.assessment());
		var tally = AssessmentSheets.tally(step.framework(), access.nodes(step.assessment()), scores,
				AssessmentScore::getEvaluatorScore);
		step.assessment().finishReview(scores, tally, step.framework().getAppealDays(), step.actor(), step.levels());
		save(step, AssessmentAction.FINISH_REVIEW, null, "评估总分 " + tally.total().stripTrailingZeros().toPlainString()
				+ (tally.vetoed() ? "，一票否决" : tally.passed() ? "，达标" : "，未达标"));
		return tally;
	}

	/** 答复申诉 of one article, optionally with a revised evaluator score within what the node allows. */
	@Transactional
	public void answerAppeal(long assessmentId, long nodeId, @Valid AppealAnswerForm form) {
		var step = step(assessmentId, StaleEdits.versionOf(form.version()));
		var score = access.score(step.assessment(), nodeId);
		var node = node(step.assessment(), nodeId);
		check(step.assessment().articleRefusal(AssessmentAction.ANSWER_APPEAL, step.actor(), score, step.levels()));
		var revised = form.revised();
		if (revised != null && !AssessmentDrafts.allows(node, revised)) {
			new FieldProblems().reject("score", "review.score.notAllowed").throwIfAny();
		}
		step.assessment().answerAppeal(score, form.cleanAnswer(), revised, step.actor(), step.levels());
		save(step, AssessmentAction.ANSWER_APPEAL, nodeId, "答复申诉 " + node.getCode()
				+ (revised == null ? "" : "，改为 " + revised.stripTrailingZeros().toPlainString()));
	}

	/** 结束申诉: every appeal answered, back to 已评估 with the total as revised. */
	@Transactional
	public void closeAppeals(long assessmentId, long version) {
		var step = step(assessmentId, version);
		var scores = access.scores(step.assessment());
		var tally = AssessmentSheets.tally(step.framework(), access.nodes(step.assessment()), scores,
				AssessmentScore::getEvaluatorScore);
		step.assessment().closeAppeals(scores, tally, step.actor(), step.levels());
		save(step, AssessmentAction.ANSWER_APPEAL, null, "申诉处理完毕，评估总分 " + tally.total().stripTrailingZeros().toPlainString());
	}

	private record Step(Assessment assessment, IndicatorFramework framework, Actor actor,
			List<RegionLevel> levels) {
	}

	private Step step(long assessmentId, long version) {
		var assessment = access.get(assessmentId);
		AssessmentAccess.checkVersion(assessment, version);
		var framework = access.framework(assessment);
		return new Step(assessment, framework, access.actor(assessment), framework.approvalLevels());
	}

	private void save(Step step, AssessmentAction action, @Nullable Long nodeId, String note) {
		assessments.saveAndFlush(step.assessment());
		access.record(step.assessment(), action, nodeId, note);
	}

	private IndicatorNode node(Assessment assessment, long nodeId) {
		return access.nodes(assessment)
			.stream()
			.filter(node -> node.getId() == nodeId)
			.findFirst()
			.orElseThrow(() -> new RecordNotFoundException("assessment-score", nodeId));
	}

	private static boolean allowed(Assessment assessment, AssessmentAction action, Actor actor, List<RegionLevel> levels) {
		return assessment.refusal(action, actor, levels).isEmpty();
	}

	private static void check(Optional<String> refusal) {
		refusal.ifPresent(key -> {
			throw new BusinessRuleException(key);
		});
	}

}
