package org.pomegranate.assessment.workflow;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;
import org.pomegranate.assessment.framework.FrameworkRows;
import org.pomegranate.assessment.framework.PointsText;
import org.pomegranate.shared.FormText;
import org.pomegranate.shared.validation.PlainText;

/** The forms of the steps after the evaluation: the holder's appeal and the approvers' adopted score. */
public final class DecisionForms {

	private DecisionForms() {
	}

	/** 申诉 of one article: why the evaluator's score is wrong (required). */
	public record AppealForm(@PlainText(max = 2000, multiline = true) @Nullable String text, @Nullable Long version) {

		@Nullable String cleanText() {
			var clean = FormText.clean(text);
			return clean == null || clean.isBlank() ? null : clean.strip();
		}

	}

	/** 采用得分 of one article: the score the approvers adopt and, where it is not the evaluator's, why. */
	public record AdoptForm(@PointsText @Nullable String score, @PlainText(max = 1000, multiline = true) @Nullable String reason,
			@Nullable Long version) {

		@Nullable BigDecimal value() {
			return FrameworkRows.points(FormText.clean(score));
		}

		@Nullable String cleanReason() {
			var clean = FormText.clean(reason);
			return clean == null || clean.isBlank() ? null : clean.strip();
		}

	}

}
