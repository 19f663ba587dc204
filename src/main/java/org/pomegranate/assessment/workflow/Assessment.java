package org.pomegranate.assessment.workflow;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.pomegranate.account.Role;
import org.pomegranate.assessment.framework.Tally;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.RegionCode;
import org.pomegranate.shared.RegionLevel;
import org.pomegranate.shared.RegionScoped;

/**
 * An assessment of one holder against one framework version for a year, and its workflow (see
 * {@link AssessmentState}). Every step is a method here that first asks {@link #refusal} whether
 * this actor may take it now; the steps on one article also ask {@link #articleRefusal}. The
 * scope goes by {@code holderRegionCode}: the holder's people (staff and admins of the holder's
 * region or above) edit, submit and appeal; the assigned reviewer evaluates; the admins of the
 * framework's approval levels on the holder's path confirm, lowest level first.
 */
@Entity
@Table(name = "assessment")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Assessment implements RegionScoped {

	private static final Set<AssessmentState> HOLDER_EDITS = EnumSet.of(AssessmentState.DRAFT, AssessmentState.RETURNED);

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long frameworkId;

	@Enumerated(EnumType.STRING)
	private HolderKind holderKind;

	private String holderRegionCode;

	private @Nullable Long unitId;

	private String holderName;

	private int year;

	@Enumerated(EnumType.STRING)
	private Purpose purpose;

	@Enumerated(EnumType.STRING)
	private AssessmentState state;

	private @Nullable Long baselineId;

	private int submissionCount;

	private @Nullable Instant submittedAt;

	private @Nullable String submittedBy;

	private @Nullable LocalDate evaluatedOn;

	private @Nullable LocalDate appealUntil;

	private @Nullable String reportText;

	private @Nullable String reportBy;

	private int approvals;

	private @Nullable Instant confirmedAt;

	private @Nullable BigDecimal selfTotal;

	private @Nullable BigDecimal evaluatorTotal;

	private @Nullable BigDecimal adoptedTotal;

	private @Nullable Boolean vetoed;

	private @Nullable Boolean passed;

	private @Nullable Long movedFrom;

	private String createdBy;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	Assessment(long frameworkId, HolderKind holderKind, String holderRegionCode, @Nullable Long unitId, String holderName,
			int year, Purpose purpose, @Nullable Long baselineId, String createdBy) {
		this.frameworkId = frameworkId;
		this.holderKind = holderKind;
		this.holderRegionCode = holderRegionCode;
		this.unitId = unitId;
		this.holderName = holderName;
		this.year = year;
		this.purpose = purpose;
		this.baselineId = baselineId;
		this.state = AssessmentState.DRAFT;
		this.createdBy = createdBy;
		this.createdAt = Instant.now();
		this.updatedAt = createdAt;
	}

	@Override
	public String getRegionCode() {
		return holderRegionCode;
	}

	/**
	 * Why {@code actor} may not take {@code action} now, as a message key; empty when they may.
	 * {@code levels} are the framework's approval levels, for {@link AssessmentAction#ADOPT} and
	 * {@link AssessmentAction#CONFIRM}.
	 */
	public Optional<String> refusal(AssessmentAction action, Actor actor, List<RegionLevel> levels) {
		return switch (action) {
			case EDIT -> holders(actor, HOLDER_EDITS.contains(state));
			case SUBMIT, MOVE_VERSION -> holders(actor, state == AssessmentState.DRAFT);
			case WITHDRAW -> holders(actor, state == AssessmentState.SUBMITTED);
			case RESUBMIT -> holders(actor, state == AssessmentState.RETURNED);
			case APPEAL -> state == AssessmentState.EVALUATED && actor.holdersPeople() && !appealOpen(actor.today())
					? Optional.of("assessment.refused.appealClosed")
					: holders(actor, state == AssessmentState.EVALUATED);
			case START_REVIEW -> reviewer(actor, state.awaitsReview());
			case SCORE, RETURN_ARTICLE, FINISH_REVIEW -> reviewer(actor, state == AssessmentState.UNDER_REVIEW);
			case ANSWER_APPEAL -> reviewer(actor, state == AssessmentState.APPEALED);
			case ADOPT, CONFIRM -> approver(actor, levels);
		};
	}

	/** Whether the holder may still appeal on {@code today}. */
	public boolean appealOpen(LocalDate today) {
		return appealUntil != null && !today.isAfter(appealUntil);
	}

	/** Why {@code actor} may not take {@code action} on this article now; empty when they may. */
	public Optional<String> articleRefusal(AssessmentAction action, Actor actor, AssessmentScore score,
			List<RegionLevel> levels) {
		var refused = refusal(action, actor, levels);
		if (refused.isPresent()) {
			return refused;
		}
		return switch (action) {
			case EDIT -> state == AssessmentState.RETURNED && !score.isReturned()
					? Optional.of("assessment.refused.notReturned") : Optional.empty();
			case ANSWER_APPEAL -> score.getAppealText() == null || score.getAppealAnswer() != null
					? Optional.of("assessment.refused.noAppeal") : Optional.empty();
			default -> Optional.empty();
		};
	}

	/** The regions whose admins confirm, lowest first: the holder's region at each approval level on its path. */
	public List<String> approvers(List<RegionLevel> levels) {
		var holder = RegionCode.of(holderRegionCode);
		var regions = new ArrayList<String>();
		for (var level : levels) {
			holder.at(level).map(RegionCode::toString).filter(code -> !regions.contains(code)).ifPresent(regions::add);
		}
		if (regions.isEmpty()) {
			regions.add(holder.county().orElse(holder).toString());
		}
		return regions;
	}

	/** The region whose admins confirm next; empty once confirmed. */
	public Optional<String> nextApprover(List<RegionLevel> levels) {
		var approvers = approvers(levels);
		return approvals < approvers.size() ? Optional.of(approvers.get(approvals)) : Optional.empty();
	}

	// --- the holder's steps

	void scoreSelf(AssessmentScore score, @Nullable BigDecimal value, @Nullable String note, @Nullable String override,
			Actor actor, List<RegionLevel> levels) {
		check(articleRefusal(AssessmentAction.EDIT, actor, score, levels));
		score.scoreSelf(value, note, override);
		touch();
	}

	/** Links or unlinks evidence of an article: an edit of that article. */
	void changeEvidence(AssessmentScore score, Actor actor, List<RegionLevel> levels) {
		check(articleRefusal(AssessmentAction.EDIT, actor, score, levels));
		touch();
	}

	/** Hands in the draft: the caller has frozen the figures and snapshotted the evidence. */
	void submit(Collection<AssessmentScore> scores, Tally selfTally, Actor actor, List<RegionLevel> levels) {
		check(refusal(AssessmentAction.SUBMIT, actor, levels));
		if (scores.stream().anyMatch(score -> score.getSelfScore() == null)) {
			throw new BusinessRuleException("assessment.refused.unscored");
		}
		this.state = AssessmentState.SUBMITTED;
		handIn(selfTally, actor);
	}

	void withdraw(Actor actor, List<RegionLevel> levels) {
		check(refusal(AssessmentAction.WITHDRAW, actor, levels));
		this.state = AssessmentState.DRAFT;
		touch();
	}

	/** Hands in the returned articles again; an edited article's evaluation no longer stands. */
	void resubmit(Collection<AssessmentScore> scores, Tally selfTally, Actor actor, List<RegionLevel> levels) {
		check(refusal(AssessmentAction.RESUBMIT, actor, levels));
		for (var score : scores) {
			if (score.isReturned()) {
				score.answerReturn();
			}
		}
		this.state = AssessmentState.RESUBMITTED;
		handIn(selfTally, actor);
	}

	void appeal(AssessmentScore score, String text, Actor actor, List<RegionLevel> levels) {
		check(articleRefusal(AssessmentAction.APPEAL, actor, score, levels));
		score.appeal(text);
		touch();
	}

	/** Ends the appeal filing: the appealed articles go to the reviewer. */
	void fileAppeals(Collection<AssessmentScore> scores, Actor actor, List<RegionLevel> levels) {
		check(refusal(AssessmentAction.APPEAL, actor, levels));
		if (scores.stream().noneMatch(score -> score.getAppealText() != null && score.getAppealAnswer() == null)) {
			throw new BusinessRuleException("assessment.refused.noAppeal");
		}
		this.state = AssessmentState.APPEALED;
		touch();
	}

	// --- the reviewer's steps

	void startReview(Actor actor, List<RegionLevel> levels) {
		check(refusal(AssessmentAction.START_REVIEW, actor, levels));
		this.state = AssessmentState.UNDER_REVIEW;
		touch();
	}

	void scoreEvaluator(AssessmentScore score, BigDecimal value, @Nullable String note, Actor actor,
			List<RegionLevel> levels) {
		check(articleRefusal(AssessmentAction.SCORE, actor, score, levels));
		score.scoreEvaluator(value, note, actor.username());
		touch();
	}

	/** Returns one article for more evidence; the assessment goes back to the holder when the reviewer says so ({@link #sendBack}). */
	void returnArticle(AssessmentScore score, String note, Actor actor, List<RegionLevel> levels) {
		check(articleRefusal(AssessmentAction.RETURN_ARTICLE, actor, score, levels));
		score.returnForMore(note);
		touch();
	}

	/** Sends the returned articles to the holder. */
	void sendBack(Collection<AssessmentScore> scores, Actor actor, List<RegionLevel> levels) {
		check(refusal(AssessmentAction.RETURN_ARTICLE, actor, levels));
		if (scores.stream().noneMatch(AssessmentScore::isReturned)) {
			throw new BusinessRuleException("assessment.refused.nothingReturned");
		}
		this.state = AssessmentState.RETURNED;
		touch();
	}

	void writeReport(String text, Actor actor, List<RegionLevel> levels) {
		check(refusal(AssessmentAction.SCORE, actor, levels));
		this.reportText = text;
		this.reportBy = actor.username();
		touch();
	}

	/** Ends the evaluation: every scored node has the evaluator's score, none is returned, the report is written. */
	void finishReview(Collection<AssessmentScore> scores, Tally evaluatorTally, int appealDays, Actor actor,
			List<RegionLevel> levels) {
		check(refusal(AssessmentAction.FINISH_REVIEW, actor, levels));
		if (scores.stream().anyMatch(score -> score.getEvaluatorScore() == null)) {
			throw new BusinessRuleException("assessment.refused.evaluationIncomplete");
		}
		if (scores.stream().anyMatch(AssessmentScore::isReturned)) {
			throw new BusinessRuleException("assessment.refused.stillReturned");
		}
		if (reportText == null || reportText.isBlank()) {
			throw new BusinessRuleException("assessment.refused.noReport");
		}
		this.state = AssessmentState.EVALUATED;
		this.evaluatedOn = actor.today();
		this.appealUntil = appealDays == 0 ? null : actor.today().plusDays(appealDays);
		this.evaluatorTotal = evaluatorTally.total();
		touch();
	}

	void answerAppeal(AssessmentScore score, String answer, @Nullable BigDecimal revised, Actor actor,
			List<RegionLevel> levels) {
		check(articleRefusal(AssessmentAction.ANSWER_APPEAL, actor, score, levels));
		score.answerAppeal(answer, revised, actor.username());
		touch();
	}

	/** Back to 已评估 once every appeal has its answer; the window is then closed (one round of appeals). */
	void closeAppeals(Collection<AssessmentScore> scores, Tally evaluatorTally, Actor actor, List<RegionLevel> levels) {
		check(refusal(AssessmentAction.ANSWER_APPEAL, actor, levels));
		if (scores.stream().anyMatch(score -> score.getAppealText() != null && score.getAppealAnswer() == null)) {
			throw new BusinessRuleException("assessment.refused.appealsOpen");
		}
		this.state = AssessmentState.EVALUATED;
		this.appealUntil = actor.today().minusDays(1);
		this.evaluatorTotal = evaluatorTally.total();
		touch();
	}

	// --- the approvers' steps

	void adopt(AssessmentScore score, BigDecimal value, @Nullable String reason, Actor actor, List<RegionLevel> levels) {
		check(articleRefusal(AssessmentAction.ADOPT, actor, score, levels));
		score.adopt(value, reason);
		touch();
	}

	/**
	 * One approval level confirms; the last makes it 已确认 with the adopted scores (the evaluator's
	 * where none was adopted otherwise) and their total, veto and pass.
	 */
	void confirm(Collection<AssessmentScore> scores, Actor actor, List<RegionLevel> levels,
			java.util.function.Supplier<Tally> adoptedTally) {
		check(refusal(AssessmentAction.CONFIRM, actor, levels));
		if (approvals == 0) {
			scores.forEach(AssessmentScore::adoptEvaluatorWhereUnset);
		}
		this.approvals++;
		if (nextApprover(levels).isEmpty()) {
			var tally = adoptedTally.get();
			this.state = AssessmentState.CONFIRMED;
			this.confirmedAt = Instant.now();
			this.adoptedTotal = tally.total();
			this.vetoed = tally.vetoed();
			this.passed = tally.passed();
		}
		touch();
	}

	/**
	 * Moves the draft to a newer version of its framework; the caller remaps its score rows by the
	 * mapping the user previewed. {@code movedFrom} keeps the version it started on.
	 */
	void moveTo(long nextFrameworkId, Actor actor, List<RegionLevel> levels) {
		check(refusal(AssessmentAction.MOVE_VERSION, actor, levels));
		if (nextFrameworkId == frameworkId) {
			throw new BusinessRuleException("assessment.refused.sameVersion");
		}
		if (movedFrom == null) {
			this.movedFrom = frameworkId;
		}
		this.frameworkId = nextFrameworkId;
		touch();
	}

	/** The holder gives up appealing: the approval levels may confirm at once. */
	void waiveAppeal(Actor actor, List<RegionLevel> levels) {
		check(refusal(AssessmentAction.APPEAL, actor, levels));
		this.appealUntil = actor.today().minusDays(1);
		touch();
	}

	private void handIn(Tally selfTally, Actor actor) {
		this.submissionCount++;
		this.submittedAt = Instant.now();
		this.submittedBy = actor.username();
		this.selfTotal = selfTally.total();
		touch();
	}

	private Optional<String> holders(Actor actor, boolean stateAllows) {
		if (!actor.holdersPeople()) {
			return Optional.of("assessment.refused.role");
		}
		return stateAllows ? Optional.empty() : Optional.of("assessment.refused.state");
	}

	private Optional<String> reviewer(Actor actor, boolean stateAllows) {
		if (actor.role() != Role.REVIEWER || !actor.assigned()) {
			return Optional.of("assessment.refused.notAssigned");
		}
		return stateAllows ? Optional.empty() : Optional.of("assessment.refused.state");
	}

	private Optional<String> approver(Actor actor, List<RegionLevel> levels) {
		if (actor.role() != Role.ADMIN) {
			return Optional.of("assessment.refused.role");
		}
		if (state != AssessmentState.EVALUATED) {
			return Optional.of("assessment.refused.state");
		}
		if (appealOpen(actor.today())) {
			return Optional.of("assessment.refused.appealOpen");
		}
		var next = nextApprover(levels);
		return next.isPresent() && next.get().equals(actor.regionCode()) ? Optional.empty()
				: Optional.of("assessment.refused.notApprover");
	}

	private static void check(Optional<String> refusal) {
		refusal.ifPresent(key -> {
			throw new BusinessRuleException(key);
		});
	}

	private void touch() {
		this.updatedAt = Instant.now();
	}

}
