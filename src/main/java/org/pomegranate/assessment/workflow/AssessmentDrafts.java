package org.pomegranate.assessment.workflow;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.pomegranate.assessment.evidence.EvidenceLibrary;
import org.pomegranate.assessment.evidence.EvidenceSnapshots;
import org.pomegranate.assessment.framework.FrameworkService;
import org.pomegranate.assessment.framework.IndicatorFramework;
import org.pomegranate.assessment.framework.IndicatorNode;
import org.pomegranate.assessment.framework.LiveMetric;
import org.pomegranate.assessment.framework.NodeLevel;
import org.pomegranate.assessment.framework.Tally;
import org.pomegranate.assessment.metric.LiveMetrics;
import org.pomegranate.assessment.workflow.AssessmentForms.NewAssessmentForm;
import org.pomegranate.assessment.workflow.AssessmentForms.SelfScoreForm;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.CurrentRoles;
import org.pomegranate.shared.FieldProblems;
import org.pomegranate.shared.RegionCode;
import org.pomegranate.shared.RegionLevel;
import org.pomegranate.shared.RecordNotFoundException;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.shared.SubmissionTokens;
import org.pomegranate.unit.CampaignUnits;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The holder's side of an assessment (自评): starting one on a published framework version,
 * scoring each article (where a live figure proposes a score, a different one needs a reason),
 * linking evidence of the holder's library, and handing it in. Submitting freezes, for every
 * article bound to a live figure, the figure, its definition and the score it proposed, and
 * snapshots exactly the evidence files linked, so that later changes in the ledgers or the
 * library change nothing that was submitted. After a return only the returned articles may be
 * edited and resubmitted; their figures are frozen again. Every rule of who and when is the
 * aggregate's ({@link Assessment#refusal}); each step is recorded and audited.
 */
@Service
@Validated
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'STAFF')")
public class AssessmentDrafts {

	private static final String SUBMISSION_KIND = "assessment";

	private final AssessmentRepository assessments;

	private final AssessmentScoreRepository scores;

	private final AssessmentAccess access;

	private final FrameworkService frameworks;

	private final EvidenceLibrary evidence;

	private final EvidenceSnapshots snapshots;

	private final LiveMetrics liveMetrics;

	private final CampaignUnits units;

	private final RegionService regions;

	private final RegionScope scope;

	private final SubmissionTokens submissions;

	private final MessageSource messages;

	private final FrozenLists frozenLists;

	AssessmentDrafts(AssessmentRepository assessments, AssessmentScoreRepository scores, AssessmentAccess access,
			FrameworkService frameworks, EvidenceLibrary evidence, EvidenceSnapshots snapshots, LiveMetrics liveMetrics,
			CampaignUnits units, RegionService regions, RegionScope scope, SubmissionTokens submissions, MessageSource messages,
			FrozenLists frozenLists) {
		this.assessments = assessments;
		this.scores = scores;
		this.access = access;
		this.frameworks = frameworks;
		this.evidence = evidence;
		this.snapshots = snapshots;
		this.liveMetrics = liveMetrics;
		this.units = units;
		this.regions = regions;
		this.scope = scope;
		this.submissions = submissions;
		this.messages = messages;
		this.frozenLists = frozenLists;
	}

	/** Whether the signed-in user may start assessments: the holder's people (staff and admins). */
	public boolean mayCreate() {
		return CurrentRoles.anyOf("STAFF", "ADMIN");
	}

	/**
	 * 新建: one assessment per holder, year and purpose (a double submit gives the first). Each
	 * scored node of the version gets its empty score row.
	 */
	@Transactional
	public Assessment create(@Valid NewAssessmentForm form) {
		if (!mayCreate()) {
			throw new BusinessRuleException("assessment.refused.role");
		}
		var claim = submissions.claim(form.submission(), SUBMISSION_KIND);
		var earlier = claim.earlierId();
		if (earlier.isPresent()) {
			return access.get(earlier.get());
		}
		var problems = new FieldProblems();
		var framework = frameworks.get(Objects.requireNonNull(form.frameworkId()));
		if (!framework.isPublished()) {
			problems.reject("frameworkId", "assessment.new.notPublished").throwIfAny();
		}
		var holder = holder(framework, form, problems);
		problems.throwIfAny();
		int year = form.yearNumber();
		var purpose = Objects.requireNonNull(form.purpose());
		if (assessments.existsHolderYear(holder.kind().name(), holder.regionCode(), holder.unitId() == null ? 0 : holder.unitId(),
				year, purpose.name())) {
			problems.reject("year", "assessment.new.duplicate").throwIfAny();
		}
		var assessment = assessments.saveAndFlush(new Assessment(framework.getId(), holder.kind(), holder.regionCode(),
				holder.unitId(), holder.name(), year, purpose, purpose == Purpose.RECHECK ? baseline(holder, year) : null,
				scope.currentUsername()));
		for (var node : frameworks.nodes(framework.getId())) {
			if (node.getLevel().scored()) {
				scores.save(new AssessmentScore(assessment.getId(), node.getId()));
			}
		}
		claim.made(assessment.getId());
		access.record(assessment, AssessmentAction.EDIT, null, "新建测评：" + holder.name() + " " + year);
		return assessment;
	}

	private record Holder(HolderKind kind, String regionCode, @Nullable Long unitId, String name) {
	}

	/** What a 复查 is scored against: the holder's latest confirmed assessment that passed, of an earlier year. */
	private @Nullable Long baseline(Holder holder, int year) {
		var passed = holder.unitId() == null
				? assessments.findByHolderRegionCodeAndUnitIdIsNullAndStateAndPassedTrueOrderByYearDescIdDesc(holder.regionCode(),
						AssessmentState.CONFIRMED)
				: assessments.findByUnitIdAndStateAndPassedTrueOrderByYearDescIdDesc(holder.unitId(), AssessmentState.CONFIRMED);
		return passed.stream().filter(earlier -> earlier.getYear() < year).map(Assessment::getId).findFirst().orElse(null);
	}

	/** The holder the form names, which must match the framework's kind and lie in the user's scope. */
	private Holder holder(IndicatorFramework framework, NewAssessmentForm form, FieldProblems problems) {
		if (framework.getKind().ofRegions()) {
			var code = form.regionCode() == null || form.regionCode().isBlank() ? scope.prefix() : form.regionCode().strip();
			var region = RegionCode.parse(code);
			if (region.isEmpty() || !scope.contains(code) || regions.find(code).isEmpty()) {
				problems.reject("regionCode", "assessment.new.region");
				return new Holder(HolderKind.REGION, scope.prefix(), null, "");
			}
			if (region.get().level() != levelOf(framework)) {
				problems.reject("regionCode", "assessment.new.regionLevel");
			}
			return new Holder(HolderKind.REGION, code, null, regions.get(code).getName());
		}
		var unit = form.unitId() == null ? null : units.find(form.unitId()).orElse(null);
		if (unit == null) {
			problems.reject("unitId", "assessment.new.unit");
			return new Holder(HolderKind.UNIT, scope.prefix(), null, "");
		}
		if (!unit.kind().equals(framework.getKind().name())) {
			problems.reject("unitId", "assessment.new.unitKind");
		}
		return new Holder(HolderKind.UNIT, unit.regionCode(), unit.id(), unit.name());
	}

	/** The region level a framework of regions assesses: 示范州 prefectures, 示范县 counties, 示范乡镇 townships. */
	public static RegionLevel levelOf(IndicatorFramework framework) {
		return switch (framework.getKind()) {
			case PREFECTURE -> RegionLevel.PREFECTURE;
			case TOWNSHIP -> RegionLevel.TOWNSHIP;
			default -> RegionLevel.COUNTY;
		};
	}

	/**
	 * 自评 of one scored node: within what its scoring allows (a veto item 0 or 1: 1 means hit);
	 * where the live figure proposes another score, the reason is required.
	 */
	@Transactional
	public void scoreSelf(long assessmentId, long nodeId, @Valid SelfScoreForm form) {
		var assessment = access.get(assessmentId);
		AssessmentAccess.checkVersion(assessment, Objects.requireNonNull(form.version(), "version"));
		var framework = access.framework(assessment);
		var score = access.score(assessment, nodeId);
		var node = node(assessment, nodeId);
		var actor = access.actor(assessment);
		assessment.articleRefusal(AssessmentAction.EDIT, actor, score, framework.approvalLevels()).ifPresent(key -> {
			throw new BusinessRuleException(key);
		});
		var value = form.value();
		var problems = new FieldProblems();
		if (value != null && !allows(node, value)) {
			problems.reject("score", "assessment.score.notAllowed");
		}
		var override = form.cleanOverride();
		if (value != null && node.getMetric() != null && override == null) {
			var proposed = proposal(assessment, node);
			if (proposed != null && proposed.compareTo(value) != 0) {
				problems.reject("override", "assessment.score.overrideReason");
			}
		}
		problems.throwIfAny();
		assessment.scoreSelf(score, value, form.cleanNote(), override, actor, framework.approvalLevels());
		assessments.saveAndFlush(assessment);
		access.record(assessment, AssessmentAction.EDIT, nodeId, "自评 " + node.getCode() + "：" + (value == null ? "—" : value.toPlainString()));
	}

	/** Whether {@code value} is a score the node may have: as its scoring allows, 0..points for the 奖惩清单, 0 or 1 for a veto. */
	public static boolean allows(IndicatorNode node, BigDecimal value) {
		if (node.getLevel() == NodeLevel.VETO) {
			return value.compareTo(BigDecimal.ZERO) == 0 || value.compareTo(BigDecimal.ONE) == 0;
		}
		var scoring = node.scoring();
		if (scoring != null) {
			return scoring.allows(value);
		}
		var points = Objects.requireNonNull(node.getPoints());
		return value.signum() >= 0 && value.compareTo(points) <= 0 && value.stripTrailingZeros().scale() <= 2;
	}

	/** The score the node's live figure proposes now for the holder's region and year; null when none. */
	private @Nullable BigDecimal proposal(Assessment assessment, IndicatorNode node) {
		var scoring = node.scoring();
		if (scoring == null || node.getMetric() == null) {
			return null;
		}
		var reading = liveMetrics.read(assessment.getHolderRegionCode(), assessment.getYear(), access.today()).get(node.getMetric());
		return reading == null ? null : scoring.propose(reading.value()).orElse(null);
	}

	/** Links a piece of the holder's library to a node the user may edit now. */
	@Transactional
	public void linkEvidence(long assessmentId, long nodeId, long evidenceId) {
		var assessment = forEvidence(assessmentId, nodeId);
		evidence.link(assessmentId, nodeId, evidenceId, assessment.getHolderKind(), assessment.getHolderRegionCode(),
				assessment.getUnitId());
		assessments.saveAndFlush(assessment);
		access.record(assessment, AssessmentAction.EDIT, nodeId, "关联佐证材料 " + evidenceId);
	}

	@Transactional
	public void unlinkEvidence(long assessmentId, long nodeId, long evidenceId) {
		var assessment = forEvidence(assessmentId, nodeId);
		evidence.unlink(assessmentId, nodeId, evidenceId);
		assessments.saveAndFlush(assessment);
		access.record(assessment, AssessmentAction.EDIT, nodeId, "取消关联佐证材料 " + evidenceId);
	}

	private Assessment forEvidence(long assessmentId, long nodeId) {
		var assessment = access.get(assessmentId);
		var framework = access.framework(assessment);
		assessment.changeEvidence(access.score(assessment, nodeId), access.actor(assessment), framework.approvalLevels());
		return assessment;
	}

	/** 提交: every scored node must have its self score; freezes the live figures and snapshots the evidence. */
	@Transactional
	public void submit(long assessmentId, long version) {
		var assessment = access.get(assessmentId);
		AssessmentAccess.checkVersion(assessment, version);
		var framework = access.framework(assessment);
		var all = access.scores(assessment);
		var actor = access.actor(assessment);
		assessment.refusal(AssessmentAction.SUBMIT, actor, framework.approvalLevels()).ifPresent(key -> {
			throw new BusinessRuleException(key);
		});
		freeze(assessment, all, false, Instant.now());
		assessment.submit(all, selfTally(framework, access.nodes(assessment), all), actor, framework.approvalLevels());
		assessments.saveAndFlush(assessment);
		snapshots.snapshot(assessmentId, assessment.getSubmissionCount());
		access.record(assessment, AssessmentAction.SUBMIT, null, "第 " + assessment.getSubmissionCount() + " 次提交");
	}

	/** 撤回: back to the draft while the reviewer has not started. */
	@Transactional
	public void withdraw(long assessmentId, long version) {
		var assessment = access.get(assessmentId);
		AssessmentAccess.checkVersion(assessment, version);
		assessment.withdraw(access.actor(assessment), access.framework(assessment).approvalLevels());
		assessments.saveAndFlush(assessment);
		access.record(assessment, AssessmentAction.WITHDRAW, null, null);
	}

	/** 重新提交 the returned articles: their figures frozen again, the evidence snapshotted as the next submission. */
	@Transactional
	public void resubmit(long assessmentId, long version) {
		var assessment = access.get(assessmentId);
		AssessmentAccess.checkVersion(assessment, version);
		var framework = access.framework(assessment);
		var all = access.scores(assessment);
		var actor = access.actor(assessment);
		assessment.refusal(AssessmentAction.RESUBMIT, actor, framework.approvalLevels()).ifPresent(key -> {
			throw new BusinessRuleException(key);
		});
		freeze(assessment, all, true, Instant.now());
		assessment.resubmit(all, selfTally(framework, access.nodes(assessment), all), actor, framework.approvalLevels());
		assessments.saveAndFlush(assessment);
		snapshots.snapshot(assessmentId, assessment.getSubmissionCount());
		access.record(assessment, AssessmentAction.RESUBMIT, null, "第 " + assessment.getSubmissionCount() + " 次提交");
	}

	/**
	 * Freezes, as a submission would have at its time, the figures and the lists behind them of an
	 * assessment loaded already submitted (the demo's, made in SQL), so that its reviewer reads
	 * real lists; refused for a draft.
	 */
	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public void freezeLoaded(long assessmentId) {
		// A loader is no signed-in user (AssessmentAccess asks for one); the region scope still applies.
		var assessment = assessments.findById(assessmentId)
			.orElseThrow(() -> new RecordNotFoundException(AssessmentAccess.ENTITY, assessmentId));
		scope.checkRegion(assessment.getRegionCode(), AssessmentAccess.ENTITY, assessmentId);
		var submittedAt = assessment.getSubmittedAt();
		if (submittedAt == null) {
			throw new BusinessRuleException("assessment.refused.state");
		}
		freeze(assessment, access.scores(assessment), false, submittedAt);
		scores.flush();
	}

	/**
	 * Freezes the live figure of every bound article (only the returned ones on a resubmission)
	 * and the records behind it ({@link FrozenLists}), read with the same query as the figure.
	 */
	private void freeze(Assessment assessment, List<AssessmentScore> all, boolean returnedOnly, Instant now) {
		var nodes = new HashMap<Long, IndicatorNode>();
		access.nodes(assessment).forEach(node -> nodes.put(node.getId(), node));
		var bound = all.stream()
			.filter(score -> nodes.get(score.getNodeId()).getMetric() != null)
			.filter(score -> !returnedOnly || score.isReturned())
			.toList();
		if (bound.isEmpty()) {
			return;
		}
		var today = access.today();
		var readings = liveMetrics.read(assessment.getHolderRegionCode(), assessment.getYear(), today);
		var locale = LocaleContextHolder.getLocale();
		var metrics = new HashMap<Long, LiveMetric>();
		for (var score : bound) {
			var node = nodes.get(score.getNodeId());
			var metric = Objects.requireNonNull(node.getMetric());
			var reading = readings.get(metric);
			var value = reading == null ? null : reading.value();
			var proposed = Objects.requireNonNull(node.scoring()).propose(value).orElse(null);
			score.freezeMetric(value, reading == null ? "—" : reading.text(),
					messages.getMessage("LiveMetric." + metric.name() + ".definition", null, locale), proposed, now);
			metrics.put(score.getNodeId(), metric);
		}
		frozenLists.freeze(assessment, metrics, today, now);
	}

	private static Tally selfTally(IndicatorFramework framework, List<IndicatorNode> nodes, List<AssessmentScore> all) {
		return AssessmentSheets.tally(framework, nodes, all, AssessmentScore::getSelfScore);
	}

	private IndicatorNode node(Assessment assessment, long nodeId) {
		return access.nodes(assessment)
			.stream()
			.filter(node -> node.getId() == nodeId)
			.findFirst()
			.orElseThrow(() -> new RecordNotFoundException("assessment-score", nodeId));
	}


}
