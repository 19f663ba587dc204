package org.pomegranate.supervision.notice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.pomegranate.account.Role;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.RegionScoped;
import org.pomegranate.supervision.inspection.Actor;

/**
 * A notice (通报) and its four-eyes loop: admins of the issuing region (exactly that region) draft
 * and edit it; another admin of the region, not the drafter, approves it; an admin of the region
 * publishes the approved notice, which the regions below then see; a published notice may be
 * retracted, and stays on record marked so. Every step asks {@link #refusal} first.
 */
@Entity
@Table(name = "notice")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Notice implements RegionScoped {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private UUID submissionToken;

	/** The issuing region. */
	private String regionCode;

	@Enumerated(EnumType.STRING)
	private NoticeKind kind;

	/** 文号, e.g. 甘民宗发〔2026〕15号. */
	private String number;

	private LocalDate issuedOn;

	private String title;

	private String body;

	/** The figure the draft was proposed from, if any. */
	private @Nullable String figureKey;

	/** A criticism's deadline for the rectifications it orders (限期整改). */
	private @Nullable LocalDate rectifyBy;

	@Enumerated(EnumType.STRING)
	private NoticeState state;

	private String draftedBy;

	private String draftedByName;

	private @Nullable String approvedBy;

	private @Nullable String approvedByName;

	private @Nullable Instant approvedAt;

	private @Nullable LocalDate publishedOn;

	private @Nullable LocalDate retractedOn;

	private @Nullable String retractReason;

	@ElementCollection
	@CollectionTable(name = "notice_target", joinColumns = @JoinColumn(name = "notice_id"))
	@OrderColumn(name = "position")
	private List<Target> targets = new ArrayList<>();

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	Notice(UUID submissionToken, String regionCode, NoticeContent content, Actor drafter) {
		this.submissionToken = submissionToken;
		this.regionCode = regionCode;
		this.kind = content.kind();
		this.state = NoticeState.DRAFT;
		this.draftedBy = drafter.username();
		this.draftedByName = drafter.displayName();
		this.createdAt = Instant.now();
		take(content);
	}

	/** What a draft says: kind, 文号, date, title, text, targets, a criticism's deadline. */
	record NoticeContent(NoticeKind kind, String number, LocalDate issuedOn, String title, String body,
			@Nullable String figureKey, @Nullable LocalDate rectifyBy, List<Target> targets) {
	}

	/**
	 * Why {@code actor} may not take {@code action} now, as a message key; empty when they may.
	 */
	Optional<String> refusal(NoticeAction action, Actor actor) {
		if (actor.role() != Role.ADMIN) {
			return Optional.of("notice.refused.role");
		}
		if (!actor.regionCode().equals(regionCode)) {
			return Optional.of("notice.refused.notIssuer");
		}
		return switch (action) {
			case EDIT -> state == NoticeState.DRAFT ? Optional.empty() : Optional.of("notice.refused.EDIT");
			case APPROVE -> state != NoticeState.DRAFT ? Optional.of("notice.refused.APPROVE")
					: actor.username().equals(draftedBy) ? Optional.of("notice.refused.ownDraft") : Optional.empty();
			case PUBLISH -> state == NoticeState.APPROVED ? Optional.empty() : Optional.of("notice.refused.PUBLISH");
			case RETRACT -> state == NoticeState.PUBLISHED ? Optional.empty() : Optional.of("notice.refused.RETRACT");
		};
	}

	private void require(NoticeAction action, Actor actor) {
		var refused = refusal(action, actor);
		if (refused.isPresent()) {
			throw new BusinessRuleException(refused.get());
		}
	}

	/** Whether the regions below see it: published, or retracted after publication (marked so). */
	public boolean isPublic() {
		return state == NoticeState.PUBLISHED || state == NoticeState.RETRACTED;
	}

	/** Withdrawn after publication: on record, marked so. */
	public boolean isRetracted() {
		return state == NoticeState.RETRACTED;
	}

	void edit(Actor actor, NoticeContent content) {
		require(NoticeAction.EDIT, actor);
		if (content.kind() != kind) {
			throw new BusinessRuleException("notice.error.kindChanged");
		}
		take(content);
	}

	void approve(Actor actor) {
		require(NoticeAction.APPROVE, actor);
		this.state = NoticeState.APPROVED;
		this.approvedBy = actor.username();
		this.approvedByName = actor.displayName();
		this.approvedAt = Instant.now();
		this.updatedAt = approvedAt;
	}

	void publish(Actor actor, LocalDate today) {
		require(NoticeAction.PUBLISH, actor);
		this.state = NoticeState.PUBLISHED;
		this.publishedOn = today;
		this.updatedAt = Instant.now();
	}

	void retract(Actor actor, String reason, LocalDate today) {
		require(NoticeAction.RETRACT, actor);
		this.state = NoticeState.RETRACTED;
		this.retractedOn = today;
		this.retractReason = reason;
		this.updatedAt = Instant.now();
	}

	private void take(NoticeContent content) {
		this.number = content.number();
		this.issuedOn = content.issuedOn();
		this.title = content.title();
		this.body = content.body();
		this.figureKey = content.figureKey();
		this.rectifyBy = content.kind() == NoticeKind.CRITICISM ? content.rectifyBy() : null;
		this.targets = new ArrayList<>(content.targets());
		this.updatedAt = Instant.now();
	}

	/** A region or unit the notice praises or criticises; a praise's may name the title (授牌) it links to. */
	@Embeddable
	@Getter
	@NoArgsConstructor(access = AccessLevel.PROTECTED)
	public static class Target {

		private String regionCode;

		private @Nullable Long unitId;

		private @Nullable Long namingId;

		private String name;

		public Target(String regionCode, @Nullable Long unitId, @Nullable Long namingId, String name) {
			this.regionCode = regionCode;
			this.unitId = unitId;
			this.namingId = namingId;
			this.name = name;
		}

	}

}
