package org.pomegranate.supervision.inspection;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.RegionScoped;

/**
 * What an inspection found at one of its targets (问题): the description, severity, the article or
 * task it concerns, and who is responsible; its evidence is in the file store (owner kind
 * {@code inspection-finding}), its rectification a {@link Rectification}. Written once.
 */
@Entity
@Table(name = "finding")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Finding implements RegionScoped {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long inspectionId;

	/** The responsible region (a unit's own region). */
	private String regionCode;

	private @Nullable Long unitId;

	private String responsibleName;

	private String description;

	@Enumerated(EnumType.STRING)
	private Severity severity;

	private @Nullable Long articleId;

	private @Nullable Long taskId;

	private LocalDate foundOn;

	private String createdBy;

	private Instant createdAt;

	Finding(Inspection inspection, Inspection.Target target, String description, Severity severity,
			@Nullable Long articleId, @Nullable Long taskId, LocalDate foundOn, String createdBy) {
		this.inspectionId = inspection.getId();
		this.regionCode = target.getRegionCode();
		this.unitId = target.getUnitId();
		this.responsibleName = target.getName();
		this.description = description;
		this.severity = severity;
		this.articleId = articleId;
		this.taskId = taskId;
		this.foundOn = foundOn;
		this.createdBy = createdBy;
		this.createdAt = Instant.now();
	}

}
