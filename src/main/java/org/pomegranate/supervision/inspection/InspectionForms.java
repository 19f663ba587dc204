package org.pomegranate.supervision.inspection;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.validation.PlainText;
import org.pomegranate.shared.validation.Required;

/**
 * The forms of inspections and rectifications, as typed: dates and ids arrive as text, read by
 * the services, which put a message beside the field that does not read.
 */
public final class InspectionForms {

	private InspectionForms() {
	}

	/**
	 * 新建督查: kind, title, days; the team as user names of the system and outside members by name
	 * (one a line); targets as region codes and unit ids (one a line); the articles and tasks it
	 * checks as ids; a 回访抽查's title id.
	 */
	public record InspectionForm(@Nullable UUID submission, @NotNull @Nullable InspectionKind kind,
			@Required @PlainText(max = 120) @Nullable String title, @Required @PlainText(max = 10) @Nullable String startsOn,
			@PlainText(max = 10) @Nullable String endsOn, @PlainText(max = 1000, multiline = true) @Nullable String teamUsers,
			@PlainText(max = 1000, multiline = true) @Nullable String outsideMembers,
			@PlainText(max = 2000, multiline = true) @Nullable String targetRegions,
			@PlainText(max = 2000, multiline = true) @Nullable String targetUnits,
			@PlainText(max = 500) @Nullable String articleIds, @PlainText(max = 500) @Nullable String taskIds,
			@PlainText(max = 20) @Nullable String namingId) {

		public static InspectionForm empty(LocalDate today) {
			return new InspectionForm(null, InspectionKind.SPECIAL, "", today.toString(), today.toString(), "", "", "", "",
					"", "", "");
		}

	}

	/** 记录问题: at one target of the inspection; the deadline, left blank, follows the severity. */
	public record FindingForm(@Nullable UUID submission, @Required @PlainText(max = 30) @Nullable String target,
			@Required @PlainText(max = 2000, multiline = true) @Nullable String description,
			@NotNull @Nullable Severity severity, @PlainText(max = 10) @Nullable String dueOn,
			@PlainText(max = 20) @Nullable String articleId, @PlainText(max = 20) @Nullable String taskId) {

		public static FindingForm empty() {
			return new FindingForm(null, "", "", Severity.MINOR, "", "", "");
		}

	}

	/** 报送整改情况: the measures taken, with the version the page was opened at. */
	public record ReportForm(@Required @PlainText(max = 2000, multiline = true) @Nullable String measures,
			@Nullable Long version) {

		public static ReportForm empty(long version) {
			return new ReportForm("", version);
		}

	}

	/** 验收: a comment (the reason, for 未通过) and, for 未通过, the new deadline. */
	public record VerifyForm(@PlainText(max = 2000, multiline = true) @Nullable String comment,
			@PlainText(max = 10) @Nullable String newDueOn, @Nullable Long version) {

		public static VerifyForm empty(long version) {
			return new VerifyForm("", "", version);
		}

	}

}
