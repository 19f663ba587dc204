package org.pomegranate.unit.naming;

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
import org.pomegranate.shared.RegionScoped;

/**
 * 复查: one re-check of a title (drawn in a 回访抽查, a 互观互检 by inspectors of peer regions, or
 * ad hoc), planned for a day, and once done its date, inspectors, findings and result.
 */
@Entity
@Table(name = "naming_recheck")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class NamingRecheck implements RegionScoped {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long namingId;

	private @Nullable Long drawId;

	@Enumerated(EnumType.STRING)
	private RecheckKind kind;

	/** The holder's region: the scope goes by it. */
	private String regionCode;

	private LocalDate plannedOn;

	private @Nullable LocalDate checkedOn;

	private @Nullable String inspectors;

	/** Codes of the inspectors' regions, comma-separated (互观互检: peers of the holder's region). */
	private @Nullable String inspectorRegions;

	private @Nullable String findings;

	@Enumerated(EnumType.STRING)
	private @Nullable RecheckResult result;

	private String createdBy;

	private Instant createdAt;

	@Version
	private long version;

	NamingRecheck(Naming naming, @Nullable Long drawId, RecheckKind kind, LocalDate plannedOn,
			@Nullable String inspectorRegions, String createdBy) {
		this.namingId = naming.getId();
		this.drawId = drawId;
		this.kind = kind;
		this.regionCode = naming.getHolderRegionCode();
		this.plannedOn = plannedOn;
		this.inspectorRegions = inspectorRegions;
		this.createdBy = createdBy;
		this.createdAt = Instant.now();
	}

	public boolean isOpen() {
		return result == null;
	}

	void record(LocalDate checkedOn, String inspectors, @Nullable String findings, RecheckResult result) {
		this.checkedOn = checkedOn;
		this.inspectors = inspectors;
		this.findings = findings;
		this.result = result;
	}

}
