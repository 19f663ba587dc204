package org.pomegranate.assessment.evidence;

import java.time.Instant;
import java.time.LocalDate;

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
import org.pomegranate.assessment.framework.EvidenceKind;
import org.pomegranate.assessment.workflow.HolderKind;
import org.pomegranate.shared.RegionScoped;

/**
 * One piece of a holder's evidence (佐证材料): a title, its kind, the day it was made (a meeting's
 * day, a photo's day: not the day it was uploaded) and a description; its files live in the file
 * store under owner kind {@value #FILE_OWNER} (videos {@value #VIDEO_OWNER}). It may back several articles of several
 * assessments; a submission freezes exactly the files it had then.
 */
@Entity
@Table(name = "evidence")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Evidence implements RegionScoped {

	public static final String FILE_OWNER = "evidence";

	/** The owner kind of its MP4 videos, which may be ten times a document's size. */
	public static final String VIDEO_OWNER = "evidence-video";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Enumerated(EnumType.STRING)
	private HolderKind holderKind;

	private String holderRegionCode;

	private @Nullable Long unitId;

	private String title;

	@Enumerated(EnumType.STRING)
	private EvidenceKind kind;

	private LocalDate madeOn;

	private @Nullable String description;

	private String createdBy;

	private Instant createdAt;

	@Version
	private long version;

	Evidence(HolderKind holderKind, String holderRegionCode, @Nullable Long unitId, String title, EvidenceKind kind,
			LocalDate madeOn, @Nullable String description, String createdBy) {
		this.holderKind = holderKind;
		this.holderRegionCode = holderRegionCode;
		this.unitId = unitId;
		this.title = title;
		this.kind = kind;
		this.madeOn = madeOn;
		this.description = description;
		this.createdBy = createdBy;
		this.createdAt = Instant.now();
	}

	@Override
	public String getRegionCode() {
		return holderRegionCode;
	}

	/** Whether it belongs to the holder of an assessment: the same region, and the same unit for a unit. */
	public boolean belongsTo(HolderKind kind, String regionCode, @Nullable Long unit) {
		return holderKind == kind && holderRegionCode.equals(regionCode) && java.util.Objects.equals(unitId, unit);
	}

	void describe(String title, EvidenceKind kind, LocalDate madeOn, @Nullable String description) {
		this.title = title;
		this.kind = kind;
		this.madeOn = madeOn;
		this.description = description;
	}

}
