package org.pomegranate.supervision.task;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.FormText;
import org.pomegranate.shared.validation.PlainText;
import org.pomegranate.shared.validation.Required;
import org.pomegranate.shared.validation.WholeNumber;

/** The forms of plans, task lists and their steps, with their constraints; files come beside them as uploads. */
public final class TaskForms {

	private TaskForms() {
	}

	/** An implementation plan: year, title, lead office and a summary; its document comes as an upload. */
	public record PlanForm(@Nullable UUID submission, @Required @WholeNumber(min = 2000, max = 2100) @Nullable String year,
			@Required @PlainText(max = 200) @Nullable String title,
			@Required @PlainText(max = 100) @Nullable String leadOffice,
			@PlainText(max = 2000, multiline = true) @Nullable String summary) {

		public static PlanForm empty(LocalDate today) {
			return new PlanForm(UUID.randomUUID(), String.valueOf(today.getYear()), "", "", "");
		}

		int yearNumber() {
			return Objects.requireNonNull(FormText.wholeNumber(year));
		}

	}

	/**
	 * A task list as typed: what, who leads it, the plan it belongs to, when it is due (once on
	 * {@code firstDueOn}, or a recurrence on {@code dueDay} from the period of {@code firstDueOn}
	 * until {@code untilOn}) and its recipients ({@code R:<region code>}, {@code U:<unit id>}).
	 */
	public record IssueForm(@Nullable UUID submission, @Required @PlainText(max = 200) @Nullable String title,
			@PlainText(max = 4000, multiline = true) @Nullable String description,
			@Required @PlainText(max = 100) @Nullable String leadOffice, @Nullable Long planId,
			@NotNull(message = "{validation.required}") @Nullable Recurrence recurrence,
			@WholeNumber(min = 1, max = 31) @Nullable String dueDay, @Required @Nullable String firstDueOn,
			@Nullable String untilOn, @Nullable List<String> recipients) {

		public static IssueForm empty(LocalDate today, @Nullable Long planId) {
			return new IssueForm(UUID.randomUUID(), "", "", "", planId, Recurrence.MONTHLY, "25",
					today.withDayOfMonth(1).toString(), "", List.of());
		}

		public List<String> chosen() {
			return recipients == null ? List.of() : recipients;
		}

	}

	/** 报送: what was done, and optionally one figure (宣讲场次 12). */
	public record ReportForm(@Required @PlainText(max = 4000, multiline = true) @Nullable String text,
			@PlainText(max = 60) @Nullable String figureLabel, @WholeNumber @Nullable String figureValue,
			@Nullable Long version) {

		public static ReportForm empty() {
			return new ReportForm("", "", "", null);
		}

	}

	/** 退回, 不同意延期, 办结: a reason or comment. */
	public record ReasonForm(@PlainText(max = 1000, multiline = true) @Nullable String reason, @Nullable Long version) {
	}

	/** 申请延期 (the date wanted) and 同意延期 (the new due date), with a reason or comment. */
	public record ExtensionForm(@PlainText(max = 1000, multiline = true) @Nullable String reason,
			@Required @Nullable String dueOn, @Nullable Long version) {
	}

}
