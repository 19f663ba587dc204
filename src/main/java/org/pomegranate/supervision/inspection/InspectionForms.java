package org.pomegranate.supervision.inspection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.validation.PlainText;
import org.pomegranate.shared.validation.Required;

/**
 * The forms of inspections and rectifications, as sent: dates and ids arrive as text, picked
 * targets and members as lists of keys, read by the services, which put a message beside the
 * field that does not read.
 */
public final class InspectionForms {

	private InspectionForms() {
	}

	/**
	 * 新建督查 and its edit: kind, title, days; the team as picked users of the region and below
	 * (their user names) and outside members by name (one a line); the targets as picked region
	 * codes and unit keys ({@code u} and the unit's id); the articles and tasks it checks as ids; a
	 * 回访抽查's title id; the version an edit was opened at.
	 */
	public record InspectionForm(@Nullable UUID submission, @NotNull @Nullable InspectionKind kind,
			@Required @PlainText(max = 120) @Nullable String title, @Required @PlainText(max = 10) @Nullable String startsOn,
			@PlainText(max = 10) @Nullable String endsOn, @Size(max = 100) @Nullable List<String> teamUsers,
			@PlainText(max = 1000, multiline = true) @Nullable String outsideMembers,
			@Size(max = 500) @Nullable List<String> targetRegions, @Size(max = 500) @Nullable List<String> targetUnits,
			@PlainText(max = 500) @Nullable String articleIds, @PlainText(max = 500) @Nullable String taskIds,
			@PlainText(max = 20) @Nullable String namingId, @Nullable Long version) {

		public static InspectionForm empty(LocalDate today) {
			return new InspectionForm(null, InspectionKind.SPECIAL, "", today.toString(), today.toString(), List.of(), "",
					List.of(), List.of(), "", "", "", null);
		}

		/** The form of an edit, filled with what the inspection holds now. */
		public static InspectionForm of(Inspection inspection) {
			var users = new ArrayList<String>();
			var outside = new StringBuilder();
			for (var member : inspection.getTeam()) {
				if (member.getUsername() == null) {
					outside.append(member.getName()).append('\n');
				}
				else {
					users.add(member.getUsername());
				}
			}
			var regions = new ArrayList<String>();
			var units = new ArrayList<String>();
			inspection.getTargets().forEach(t -> (t.getUnitId() == null ? regions : units).add(t.key()));
			return new InspectionForm(null, inspection.getKind(), inspection.getTitle(), inspection.getStartsOn().toString(),
					inspection.getEndsOn().toString(), users, outside.toString(), regions, units,
					ids(inspection.getArticleIds()), ids(inspection.getTaskIds()),
					inspection.getNamingId() == null ? "" : inspection.getNamingId().toString(), inspection.getVersion());
		}

		private static String ids(List<Long> ids) {
			return String.join(", ", ids.stream().map(String::valueOf).toList());
		}

		/** Whether the form has the region or unit {@code key} among its targets: the picker's box is ticked. */
		public boolean picksTarget(String key) {
			return (targetRegions != null && targetRegions.contains(key)) || (targetUnits != null && targetUnits.contains(key));
		}

		/** Whether the form has the user {@code username} in its team. */
		public boolean picksMember(String username) {
			return teamUsers != null && teamUsers.contains(username);
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
