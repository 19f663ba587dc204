package org.pomegranate.assessment.workflow;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.pomegranate.assessment.framework.FrameworkRows;
import org.pomegranate.assessment.framework.PointsText;
import org.pomegranate.shared.FormText;
import org.pomegranate.shared.validation.PlainText;
import org.pomegranate.shared.validation.WholeNumber;

/** The forms of the holder's side of an assessment, with their constraints. */
public final class AssessmentForms {

	private AssessmentForms() {
	}

	/**
	 * 新建测评: the published framework version, the holder (a region of the framework's level for
	 * a 示范区 kind, the user's own by default; a unit of the framework's kind otherwise), the year
	 * and the purpose. {@code submission} makes a double submit one assessment.
	 */
	public record NewAssessmentForm(@Nullable UUID submission, @NotNull @Nullable Long frameworkId,
			@PlainText(max = 12) @Nullable String regionCode, @Nullable Long unitId,
			@NotNull @WholeNumber(min = 2000, max = 2100) @Nullable String year, @NotNull @Nullable Purpose purpose) {

		public static NewAssessmentForm empty(int year) {
			return new NewAssessmentForm(null, null, null, null, String.valueOf(year), Purpose.APPLICATION);
		}

		int yearNumber() {
			return java.util.Objects.requireNonNull(FormText.wholeNumber(year));
		}

	}

	/**
	 * 自评 of one scored node: the score (blank clears it), the explanation and, where the score
	 * is not the one the live figure proposes, the reason ({@code override}).
	 */
	public record SelfScoreForm(@PointsText @Nullable String score, @PlainText(max = 2000, multiline = true) @Nullable String note,
			@PlainText(max = 1000, multiline = true) @Nullable String override, @Nullable Long version) {

		@Nullable BigDecimal value() {
			return FrameworkRows.points(FormText.clean(score));
		}

		@Nullable String cleanNote() {
			return blankToNull(note);
		}

		@Nullable String cleanOverride() {
			return blankToNull(override);
		}

		private static @Nullable String blankToNull(@Nullable String text) {
			var clean = FormText.clean(text);
			return clean == null || clean.isBlank() ? null : clean.strip();
		}

	}

}
