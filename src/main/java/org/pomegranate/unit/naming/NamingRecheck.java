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
 * ad hoc), planned for a day, and once done its date, inspectors, findings and result; closed
 * without one when the title leaves 复查中 another way (revoked, expired, renewed).
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

	private @Nullable LocalDate closedOn;

	/** What the title became instead of a result: 已撤销, 已到期 or 已续期. */
	@Enumerated(EnumType.STRING)
	private @Nullable NamingState closedAs;

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
		return result == null && closedOn == null;
	}

	/** The label key of where it stands: its result, closed without one, or waiting for one. */
	public String standing() {
		if (result != null) {
			return "RecheckResult." + result.name();
		}
		return closedAs != null ? "naming.recheck.closed." + closedAs.name() : "naming.recheck.open";
	}

	void record(LocalDate checkedOn, String inspectors, @Nullable String findings, RecheckResult result) {
		this.checkedOn = checkedOn;
		this.inspectors = inspectors;
		this.findings = findings;
		this.result = result;
	}

	/** Its title left 复查中 on {@code on}, now {@code state}: no result will be recorded. */
	void close(LocalDate on, NamingState state) {
		this.closedOn = on;
		this.closedAs = state;
	}

	/** The title's holder moved: the re-check is in scope where the holder now is. */
	void holderMoved(String regionCode) {
		this.regionCode = regionCode;
	}

}
