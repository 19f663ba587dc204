package org.pomegranate.assessment.framework;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.RegionLevel;
import org.pomegranate.shared.RegionScoped;

/**
 * One version of an indicator framework: its kind, issuing region, name, base points, pass mark,
 * caps of the 奖惩清单, the appeal days and the region levels that confirm an evaluated
 * assessment bottom-up. Edited only while 草稿; {@link #publish} makes it immutable (a trigger
 * refuses any later change of it or its nodes), {@link #nextVersion} starts its successor. The
 * scope goes by the issuer: its admins author it; regions below use it.
 */
@Entity
@Table(name = "indicator_framework")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class IndicatorFramework implements RegionScoped {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private @Nullable Long lineageId;

	@Enumerated(EnumType.STRING)
	private FrameworkKind kind;

	private String issuerRegionCode;

	private String name;

	private int versionNumber;

	@Enumerated(EnumType.STRING)
	private FrameworkState state;

	private BigDecimal basePoints;

	private BigDecimal passMark;

	private @Nullable BigDecimal bonusCap;

	private @Nullable BigDecimal penaltyCap;

	private int appealDays;

	private String approvalLevels;

	private boolean demonstration;

	private @Nullable String note;

	private @Nullable Long predecessorId;

	private String createdBy;

	private Instant createdAt;

	private @Nullable String publishedBy;

	private @Nullable Instant publishedAt;

	@Version
	private long version;

	IndicatorFramework(FrameworkKind kind, String issuerRegionCode, String name, FrameworkSettings settings,
			String createdBy) {
		this.kind = kind;
		this.issuerRegionCode = issuerRegionCode;
		this.name = name;
		this.versionNumber = 1;
		this.state = FrameworkState.DRAFT;
		this.createdBy = createdBy;
		this.createdAt = Instant.now();
		apply(settings);
	}

	@Override
	public String getRegionCode() {
		return issuerRegionCode;
	}

	/** The first version's id, shared by every version. */
	public long lineage() {
		return lineageId == null ? id : lineageId;
	}

	/** Set once the first version has its id. */
	void startLineage() {
		if (lineageId == null) {
			lineageId = id;
		}
	}

	public FrameworkSettings settings() {
		return new FrameworkSettings(name, basePoints, passMark, bonusCap, penaltyCap, appealDays, approvalLevels(),
				demonstration, note);
	}

	/** The levels that confirm an evaluated assessment, lowest first. */
	public List<RegionLevel> approvalLevels() {
		var levels = new ArrayList<RegionLevel>();
		for (var level : approvalLevels.split(",")) {
			if (!level.isBlank()) {
				levels.add(RegionLevel.valueOf(level.strip()));
			}
		}
		return levels;
	}

	public boolean isDraft() {
		return state == FrameworkState.DRAFT;
	}

	/** Whether assessments may start on it. */
	public boolean isPublished() {
		return state == FrameworkState.PUBLISHED;
	}

	/** Why it may not be edited now; empty while a draft. */
	public Optional<String> editRefusal() {
		return isDraft() ? Optional.empty() : Optional.of("framework.refused.published");
	}

	/**
	 * Why {@code author} may not take {@code action} now, as a message key; empty when they may.
	 * Only an admin of a province or prefecture whose region is the issuer or lies above it
	 * authors; a draft is edited and published, a published version gets a successor (whether
	 * its lineage already has a draft is the service's to say).
	 */
	public Optional<String> refusal(FrameworkAction action, Author author) {
		var authoring = author.authoringRefusal();
		if (authoring.isPresent()) {
			return authoring;
		}
		if (!author.covers(issuerRegionCode)) {
			return Optional.of("framework.refused.issuer");
		}
		return switch (action) {
			case EDIT, PUBLISH -> editRefusal();
			case NEW_VERSION -> isPublished() ? Optional.empty() : Optional.of("framework.refused.notPublished");
		};
	}

	/** Refuses {@code action} unless {@link #refusal} allows it. */
	void require(FrameworkAction action, Author author) {
		refusal(action, author).ifPresent(key -> {
			throw new BusinessRuleException(key);
		});
	}

	/** A new draft of {@code kind} issued by {@code author}'s own region. */
	static IndicatorFramework draft(FrameworkKind kind, FrameworkSettings settings, Author author) {
		author.authoringRefusal().ifPresent(key -> {
			throw new BusinessRuleException(key);
		});
		return new IndicatorFramework(kind, author.regionCode(), settings.name(), settings, author.username());
	}

	void change(FrameworkSettings settings, Author author) {
		require(FrameworkAction.EDIT, author);
		this.name = settings.name();
		apply(settings);
	}

	/** Publishes this draft; its nodes' problems must be none (the caller checks them with {@link FrameworkChecks}). */
	void publish(Author author) {
		require(FrameworkAction.PUBLISH, author);
		this.state = FrameworkState.PUBLISHED;
		this.publishedBy = author.username();
		this.publishedAt = Instant.now();
	}

	/** Retired when its successor is published; assessments pinned to it keep it. */
	void retire() {
		if (state == FrameworkState.PUBLISHED) {
			this.state = FrameworkState.RETIRED;
		}
	}

	/** A new draft version with the same settings, to be filled with copies of this version's nodes. */
	IndicatorFramework nextVersion(int number, Author author) {
		require(FrameworkAction.NEW_VERSION, author);
		var next = new IndicatorFramework(kind, issuerRegionCode, name, settings(), author.username());
		next.lineageId = lineage();
		next.versionNumber = number;
		next.predecessorId = id;
		return next;
	}

	private void apply(FrameworkSettings settings) {
		this.basePoints = settings.basePoints();
		this.passMark = settings.passMark();
		this.bonusCap = settings.bonusCap();
		this.penaltyCap = settings.penaltyCap();
		this.appealDays = settings.appealDays();
		this.approvalLevels = String.join(",", settings.approvalLevels().stream().map(Enum::name).toList());
		this.demonstration = settings.demonstration();
		this.note = settings.note();
	}

}
