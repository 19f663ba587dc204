package org.pomegranate.pairing.program;

import org.pomegranate.pairing.cadre.Cadre;
import org.pomegranate.pairing.household.Household;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;
import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.RegionScoped;

/**
 * A cadre paired with a household within a program, from a start date until it ends. Ended
 * pairings are kept: together they are the household's history.
 */
@Entity
@Table(name = "pairing")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Pairing implements RegionScoped {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "program_id")
	private PairingProgram program;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "cadre_id")
	private Cadre cadre;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "household_id")
	private Household household;

	/** The household's region: the pairing is in scope wherever its household is. */
	private String regionCode;

	private LocalDate startedOn;

	private @Nullable LocalDate endedOn;

	private @Nullable String endReason;

	/**
	 * Kept by the database from the visits (trigger {@code visit_keeps_pairing_last_visit}); read
	 * back on insert only, so that a stale update fails as an optimistic-lock conflict.
	 */
	@Generated(event = EventType.INSERT)
	@Column(insertable = false, updatable = false)
	private @Nullable LocalDate lastVisitOn;

	private Instant createdAt;

	/** The import batch that made the pairing, while it may still be undone; null for one made on the page. */
	private @Nullable Long importBatchId;

	@Version
	private long version;

	Pairing(PairingProgram program, Cadre cadre, Household household, LocalDate startedOn) {
		this.program = program;
		this.cadre = cadre;
		this.household = household;
		this.regionCode = household.getRegionCode();
		this.startedOn = startedOn;
		this.createdAt = Instant.now();
	}

	void importedBy(long batchId) {
		this.importBatchId = batchId;
	}

	public boolean isActive() {
		return endedOn == null;
	}

	void end(LocalDate on, String reason) {
		if (endedOn != null) {
			throw new IllegalStateException("Pairing " + id + " has already ended");
		}
		if (on.isBefore(startedOn)) {
			throw new IllegalArgumentException("A pairing cannot end before it began");
		}
		this.endedOn = on;
		this.endReason = reason;
	}

	/** Overdue: no visit within the program's interval, counted from the last visit or else the start. */
	public boolean isOverdue(LocalDate today) {
		if (!isActive()) {
			return false;
		}
		var since = lastVisitOn != null ? lastVisitOn : startedOn;
		return since.isBefore(today.minusDays(program.getVisitIntervalDays()));
	}

}
