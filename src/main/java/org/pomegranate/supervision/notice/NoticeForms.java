package org.pomegranate.supervision.notice;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.validation.PlainText;
import org.pomegranate.shared.validation.Required;

/** The forms of notices, as typed; dates and targets arrive as text, read by {@link Notices}. */
public final class NoticeForms {

	private NoticeForms() {
	}

	/**
	 * A notice's draft: kind, 文号, date, title, text, a criticism's deadline, and the targets one a
	 * line — a region code, or {@code u} and a unit's id — each optionally followed by {@code #} and
	 * the id of the title (命名) a praise links it to.
	 */
	public record NoticeForm(@Nullable UUID submission, @NotNull @Nullable NoticeKind kind,
			@Required @PlainText(max = 60) @Nullable String number, @Required @PlainText(max = 10) @Nullable String issuedOn,
			@Required @PlainText(max = 120) @Nullable String title,
			@Required @PlainText(max = 10000, multiline = true) @Nullable String body,
			@PlainText(max = 60) @Nullable String figureKey, @PlainText(max = 10) @Nullable String rectifyBy,
			@Required @PlainText(max = 2000, multiline = true) @Nullable String targets, @Nullable Long version) {

		public static NoticeForm empty(NoticeKind kind, LocalDate today) {
			return new NoticeForm(null, kind, "", today.toString(), "", "", "",
					kind == NoticeKind.CRITICISM ? today.plusDays(30).toString() : "", "", null);
		}

		public static NoticeForm of(Notice notice) {
			var targets = new StringBuilder();
			for (var target : notice.getTargets()) {
				targets.append(target.getUnitId() == null ? target.getRegionCode() : "u" + target.getUnitId());
				if (target.getNamingId() != null) {
					targets.append('#').append(target.getNamingId());
				}
				targets.append('\n');
			}
			return new NoticeForm(null, notice.getKind(), notice.getNumber(), notice.getIssuedOn().toString(),
					notice.getTitle(), notice.getBody(), notice.getFigureKey(),
					notice.getRectifyBy() == null ? "" : notice.getRectifyBy().toString(), targets.toString(),
					notice.getVersion());
		}

		/** Whether the notice drafted is a criticism, which orders rectification by a deadline. */
		public boolean ordersRectification() {
			return kind == NoticeKind.CRITICISM;
		}

		NoticeForm withProposal(String title, String body, String targets, String figureKey) {
			return new NoticeForm(submission, kind, number, issuedOn, title, body, figureKey, rectifyBy, targets, version);
		}

	}

	/** 撤回: the reason, with the version the page was opened at. */
	public record RetractForm(@Required @PlainText(max = 500, multiline = true) @Nullable String reason,
			@Nullable Long version) {
	}

	/** 审核 and 印发: only the version the page was opened at. */
	public record StepForm(@Nullable Long version) {
	}

}
