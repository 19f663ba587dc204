package org.pomegranate.supervision.notice;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.validation.PlainText;
import org.pomegranate.shared.validation.Required;

/** The forms of notices, as typed; dates arrive as text, picked targets as lists of keys, read by {@link Notices}. */
public final class NoticeForms {

	private NoticeForms() {
	}

	/**
	 * A notice's draft: kind, 文号, date, title, text, a criticism's deadline, the picked targets —
	 * region codes and unit keys ({@code u} and the unit's id) — and, for a praise, the titles (授牌)
	 * chosen for them, each as the target's key, {@code #} and the title's id.
	 */
	public record NoticeForm(@Nullable UUID submission, @NotNull @Nullable NoticeKind kind,
			@Required @PlainText(max = 60) @Nullable String number, @Required @PlainText(max = 10) @Nullable String issuedOn,
			@Required @PlainText(max = 120) @Nullable String title,
			@Required @PlainText(max = 10000, multiline = true) @Nullable String body,
			@PlainText(max = 60) @Nullable String figureKey, @PlainText(max = 10) @Nullable String rectifyBy,
			@Size(max = 500) @Nullable List<String> targetRegions, @Size(max = 500) @Nullable List<String> targetUnits,
			@Size(max = 500) @Nullable List<String> titleLinks, @Nullable Long version) {

		public static NoticeForm empty(NoticeKind kind, LocalDate today) {
			return new NoticeForm(null, kind, "", today.toString(), "", "", "",
					kind == NoticeKind.CRITICISM ? today.plusDays(30).toString() : "", List.of(), List.of(), List.of(), null);
		}

		public static NoticeForm of(Notice notice) {
			var regions = new ArrayList<String>();
			var units = new ArrayList<String>();
			var links = new ArrayList<String>();
			for (var target : notice.getTargets()) {
				var key = target.getUnitId() == null ? target.getRegionCode() : "u" + target.getUnitId();
				(target.getUnitId() == null ? regions : units).add(key);
				if (target.getNamingId() != null) {
					links.add(key + "#" + target.getNamingId());
				}
			}
			return new NoticeForm(null, notice.getKind(), notice.getNumber(), notice.getIssuedOn().toString(),
					notice.getTitle(), notice.getBody(), notice.getFigureKey(),
					notice.getRectifyBy() == null ? "" : notice.getRectifyBy().toString(), regions, units, links,
					notice.getVersion());
		}

		/** Whether the notice drafted is a criticism, which orders rectification by a deadline. */
		public boolean ordersRectification() {
			return kind == NoticeKind.CRITICISM;
		}

		/** Whether a praise, whose targets may each link one of their titles. */
		public boolean linksTitles() {
			return kind == NoticeKind.PRAISE;
		}

		/** Whether the form has the region or unit {@code key} among its targets: the picker's box is ticked. */
		public boolean picksTarget(String key) {
			return (targetRegions != null && targetRegions.contains(key)) || (targetUnits != null && targetUnits.contains(key));
		}

		/** Whether the form links the target {@code key} to the title {@code titleId}: the option is selected. */
		public boolean linksTitle(String key, long titleId) {
			return titleLinks != null && titleLinks.contains(key + "#" + titleId);
		}

		/** The picked units' keys, for the unit picker to keep offering them. */
		public List<String> pickedUnits() {
			return targetUnits == null ? List.of() : targetUnits;
		}

		/** The proposal's text and targets (regions of the ranking) in place of what the form held. */
		NoticeForm withProposal(String title, String body, List<String> regions, String figureKey) {
			return new NoticeForm(submission, kind, number, issuedOn, title, body, figureKey, rectifyBy, regions, List.of(),
					List.of(), version);
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
