package org.pomegranate.pairing.program;

import org.pomegranate.pairing.VisitKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.RegionScoped;

/**
 * One visit or contact (走访) within a pairing: what was found and what was done.
 */
@Entity
@Table(name = "visit")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Visit implements RegionScoped {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "pairing_id")
	private Pairing pairing;

	private Long householdId;

	private String regionCode;

	private LocalDate visitedOn;

	@Enumerated(EnumType.STRING)
	private VisitKind kind;

	private String visitors;

	private @Nullable String findings;

	private @Nullable String actionsTaken;

	private BigDecimal aidAmount;

	private boolean followUpNeeded;

	private String createdBy;

	private Instant createdAt;

	/** The import batch that brought the visit in, while it may still be undone; null for one recorded on the page. */
	private @Nullable Long importBatchId;

	@Version
	private long version;

	Visit(Pairing pairing, VisitDetails details, String createdBy) {
		this.pairing = pairing;
		this.householdId = pairing.getHousehold().getId();
		this.regionCode = pairing.getRegionCode();
		this.visitedOn = details.visitedOn();
		this.kind = details.kind();
		this.visitors = details.visitors();
		this.findings = details.findings();
		this.actionsTaken = details.actionsTaken();
		this.aidAmount = details.aidAmount();
		this.followUpNeeded = details.followUpNeeded();
		this.createdBy = createdBy;
		this.createdAt = Instant.now();
	}

	void importedBy(long batchId) {
		this.importBatchId = batchId;
	}

}
