package org.pomegranate.assessment.workflow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.pomegranate.assessment.framework.FrameworkRows;
import org.pomegranate.assessment.framework.PointsText;
import org.pomegranate.shared.FormText;
import org.pomegranate.shared.validation.PlainText;
import org.pomegranate.shared.validation.Required;

/** The forms of the third-party evaluation (第三方评估): institutions, assignments and the reviewer's steps. */
public final class ReviewForms {

	private ReviewForms() {
	}

	/** 登记评估机构: its name and the region whose admins register it; {@code submission} makes a double submit one. */
	public record InstitutionForm(@Nullable UUID submission, @Required @PlainText(max = 120) @Nullable String name,
			@Required @PlainText(max = 12) @Nullable String regionCode) {

		public static InstitutionForm empty(String regionCode) {
			return new InstitutionForm(null, null, regionCode);
		}

		String cleanName() {
			return clean(name);
		}

		String cleanRegion() {
			return clean(regionCode);
		}

	}

	/** 添加评估人员: an existing reviewer account by its user name. */
	public record AttachReviewerForm(@Required @PlainText(max = 100) @Nullable String username) {

		String cleanUsername() {
			return clean(username);
		}

	}

	/** 指派评估人员: a reviewer of an institution and the window of days (both ends included). */
	public record AssignmentForm(@Required @PlainText(max = 100) @Nullable String reviewer,
			@Required @PlainText(max = 10) @Nullable String startsOn, @Required @PlainText(max = 10) @Nullable String endsOn) {

		String cleanReviewer() {
			return clean(reviewer);
		}

		@Nullable LocalDate startDate() {
			return FormText.date(startsOn);
		}

		@Nullable LocalDate endDate() {
			return FormText.date(endsOn);
		}

	}

	/** 评估打分 of one scored node: the evaluator's score and comment. */
	public record EvaluatorScoreForm(@Required @PointsText @Nullable String score,
			@PlainText(max = 2000, multiline = true) @Nullable String note, @Nullable Long version) {

		@Nullable BigDecimal value() {
			return FrameworkRows.points(FormText.clean(score));
		}

		@Nullable String cleanNote() {
			return blankToNull(note);
		}

	}

	/** 退回补充材料 of one article: the reason, which the holder reads. */
	public record ReturnForm(@Required @PlainText(max = 1000, multiline = true) @Nullable String reason,
			@Nullable Long version) {

		String cleanReason() {
			return clean(reason);
		}

	}

	/** 评估报告: the report's text. */
	public record ReportForm(@Required @PlainText(max = 20000, multiline = true) @Nullable String text,
			@Nullable Long version) {

		String cleanText() {
			return clean(text);
		}

	}

	/** 答复申诉 of one article: the answer and, optionally, a revised evaluator score. */
	public record AppealAnswerForm(@Required @PlainText(max = 2000, multiline = true) @Nullable String answer,
			@PointsText @Nullable String score, @Nullable Long version) {

		String cleanAnswer() {
			return clean(answer);
		}

		@Nullable BigDecimal revised() {
			return FrameworkRows.points(FormText.clean(score));
		}

	}

	private static String clean(@Nullable String text) {
		var clean = FormText.clean(text);
		return clean == null ? "" : clean.strip();
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		var clean = FormText.clean(text);
		return clean == null || clean.isBlank() ? null : clean.strip();
	}

}
