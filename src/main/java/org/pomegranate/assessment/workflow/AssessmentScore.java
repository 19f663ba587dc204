package org.pomegranate.assessment.workflow;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.BusinessRuleException;

/**
 * The scores of one scored node (article, bonus, penalty or veto item; for a veto 1 means hit) of
 * an assessment. Three scores that never overwrite each other: the holder's ({@code self}), the
 * evaluator's and the adopted one (with its reason where it differs from the evaluator's); the
 * reviewer's return and the holder's appeal with their answers; and the live figure as the last
 * submission froze it, with its definition, the score it proposed and the holder's reason where
 * the self score differs. Changed only through {@link Assessment}'s steps.
 */
@Entity
@Table(name = "assessment_score")
@IdClass(AssessmentScore.Key.class)
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class AssessmentScore {

	@Id
	private long assessmentId;

	@Id
	private long nodeId;

	private @Nullable BigDecimal selfScore;

	private @Nullable String selfNote;

	private @Nullable BigDecimal evaluatorScore;

	private @Nullable String evaluatorNote;

	private @Nullable String evaluatedBy;

	private @Nullable Instant evaluatedAt;

	private @Nullable BigDecimal adoptedScore;

	private @Nullable String adoptedReason;

	private boolean returned;

	private @Nullable String returnNote;

	private @Nullable String appealText;

	private @Nullable String appealAnswer;

	private @Nullable Double metricValue;

	private @Nullable String metricText;

	private @Nullable String metricDefinition;

	private @Nullable BigDecimal metricProposed;

	private @Nullable String metricOverride;

	private @Nullable Instant metricFrozenAt;

	@Version
	private long version;

	AssessmentScore(long assessmentId, long nodeId) {
		this.assessmentId = assessmentId;
		this.nodeId = nodeId;
	}

	void scoreSelf(@Nullable BigDecimal score, @Nullable String note, @Nullable String override) {
		this.selfScore = score;
		this.selfNote = note;
		this.metricOverride = override;
	}

	/** The live figure as submitted: it no longer follows the ledgers. */
	void freezeMetric(@Nullable Double value, String text, String definition, @Nullable BigDecimal proposed, Instant at) {
		this.metricValue = value;
		this.metricText = text;
		this.metricDefinition = definition;
		this.metricProposed = proposed;
		this.metricFrozenAt = at;
	}

	void scoreEvaluator(BigDecimal score, @Nullable String note, String reviewer) {
		this.evaluatorScore = score;
		this.evaluatorNote = note;
		this.evaluatedBy = reviewer;
		this.evaluatedAt = Instant.now();
	}

	void returnForMore(String note) {
		this.returned = true;
		this.returnNote = note;
	}

	/** The holder answered the return: the article goes back to the reviewer, whose earlier score no longer stands. */
	void answerReturn() {
		this.returned = false;
		this.evaluatorScore = null;
		this.evaluatedAt = null;
	}

	void appeal(String text) {
		if (evaluatorScore == null) {
			throw new BusinessRuleException("assessment.refused.noEvaluation");
		}
		this.appealText = text;
		this.appealAnswer = null;
	}

	/** The reviewer answers an appeal and may revise their own score; the holder's and the adopted ones stay. */
	void answerAppeal(String answer, @Nullable BigDecimal revised, String reviewer) {
		this.appealAnswer = answer;
		if (revised != null) {
			scoreEvaluator(revised, evaluatorNote, reviewer);
		}
	}

	/** An approver adopts a score other than the evaluator's, which needs a reason. */
	void adopt(BigDecimal score, @Nullable String reason) {
		boolean differs = evaluatorScore == null || evaluatorScore.compareTo(score) != 0;
		if (differs && (reason == null || reason.isBlank())) {
			throw new BusinessRuleException("assessment.refused.adoptReason");
		}
		this.adoptedScore = score;
		this.adoptedReason = differs ? reason : null;
	}

	void adoptEvaluatorWhereUnset() {
		if (adoptedScore == null) {
			this.adoptedScore = evaluatorScore;
		}
	}

	/** Whether the adopted score is not the evaluator's. */
	public boolean adoptedDiffers() {
		return adoptedScore != null && !Objects.equals(adoptedScore.stripTrailingZeros(),
				evaluatorScore == null ? null : evaluatorScore.stripTrailingZeros());
	}

	public static class Key implements Serializable {

		private long assessmentId;

		private long nodeId;

		protected Key() {
		}

		public Key(long assessmentId, long nodeId) {
			this.assessmentId = assessmentId;
			this.nodeId = nodeId;
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof Key key && key.assessmentId == assessmentId && key.nodeId == nodeId;
		}

		@Override
		public int hashCode() {
			return Long.hashCode(assessmentId) * 31 + Long.hashCode(nodeId);
		}

	}

}
