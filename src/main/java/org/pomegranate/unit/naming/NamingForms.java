package org.pomegranate.unit.naming;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.validation.NotFuture;
import org.pomegranate.shared.validation.PlainText;
import org.pomegranate.shared.validation.Required;

/** The forms of a title's steps, as typed; the service checks them against the records. */
public final class NamingForms {

	private NamingForms() {
	}

	/**
	 * 申报: the holder as a chooser's key ({@code R:513201}, {@code U:12}, {@code H:34}), the title
	 * and level asked for, the title it renews, if any, the day it was applied for (today when
	 * left empty; an application received on paper earlier is recorded with its own day) and the
	 * confirmed assessment it rests on, where the issuer's rule requires one.
	 */
	public record ApplicationForm(@Nullable UUID submission, @Required @PlainText(max = 30) @Nullable String holder,
			@Required @PlainText(max = 100) @Nullable String title, @NotNull @Nullable NamingLevel level,
			@PlainText(max = 2000, multiline = true) @Nullable String applicationText, @Nullable Long renews,
			@NotFuture(since = "2000-01-01") @Nullable String appliedOn, @Nullable Long assessmentId) {

		/** Without an assessment as its basis. */
		public ApplicationForm(@Nullable UUID submission, @Nullable String holder, @Nullable String title,
				@Nullable NamingLevel level, @Nullable String applicationText, @Nullable Long renews,
				@Nullable String appliedOn) {
			this(submission, holder, title, level, applicationText, renews, appliedOn, null);
		}

		/** Applied for today. */
		public ApplicationForm(@Nullable UUID submission, @Nullable String holder, @Nullable String title,
				@Nullable NamingLevel level, @Nullable String applicationText, @Nullable Long renews) {
			this(submission, holder, title, level, applicationText, renews, null, null);
		}

		public static ApplicationForm empty() {
			return new ApplicationForm(null, "", "", NamingLevel.COUNTY, "", null);
		}

	}

	/** 命名: the decision's 文号 and date. */
	public record NameForm(@Required @PlainText(max = 60) @Nullable String decisionNumber,
			@Required @NotFuture(since = "2000-01-01") @Nullable String namedOn, @Nullable Long version) {
	}

	/** 未予命名, 清除待核查 and the like: a reason in words. */
	public record NoteForm(@Required @PlainText(max = 500, multiline = true) @Nullable String note,
			@Nullable Long version) {
	}

	/** 撤销命名: a reason, a 文号 and a date, all required. */
	public record RevokeForm(@Required @PlainText(max = 500, multiline = true) @Nullable String reason,
			@Required @PlainText(max = 60) @Nullable String documentNumber,
			@Required @NotFuture(since = "2000-01-01") @Nullable String revokedOn, @Nullable Long version) {
	}

	/** 整改结束: accepted (有效), or not (撤销, with the revocation's reason, 文号 and date). */
	public record EndRectificationForm(@NotNull @Nullable Boolean passed,
			@PlainText(max = 500, multiline = true) @Nullable String reason,
			@PlainText(max = 60) @Nullable String documentNumber,
			@NotFuture(since = "2000-01-01") @Nullable String revokedOn, @Nullable Long version) {
	}

	/** 发起复查: its kind, planned date and, for 互观互检, the peer regions' codes (comma or space separated). */
	public record RecheckForm(@NotNull @Nullable RecheckKind kind, @Required @Nullable String plannedOn,
			@PlainText(max = 200) @Nullable String inspectorRegions, @Nullable Long version) {
	}

	/** 复查结果: date, inspectors, findings and result; 限期整改 needs a deadline, 撤销 a reason, 文号 and date. */
	public record RecheckResultForm(@Required @NotFuture(since = "2000-01-01") @Nullable String checkedOn,
			@Required @PlainText(max = 500) @Nullable String inspectors,
			@PlainText(max = 4000, multiline = true) @Nullable String findings, @NotNull @Nullable RecheckResult result,
			@Nullable String rectifyBy, @PlainText(max = 500, multiline = true) @Nullable String reason,
			@PlainText(max = 60) @Nullable String documentNumber, @Nullable String revokedOn, @Nullable Long version) {
	}

	/** 回访抽查: the issuing region, the share to draw, and the day the re-checks are planned for. */
	public record DrawForm(@Nullable UUID submission, @Nullable String issuer,
			@NotNull @Nullable Integer sharePercent, @Required @Nullable String plannedOn) {
	}

}
