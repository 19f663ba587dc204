package org.pomegranate.pairing.cadre;

import org.pomegranate.pairing.household.Gender;
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
import org.pomegranate.shared.Masking;
import org.pomegranate.shared.RegionScoped;

/**
 * A cadre (干部 / 联谊人 / 育籽员) who is paired with households and visits them. One who leaves
 * is marked, not deleted: their pairings and visits stay in the history.
 */
@Entity
@Table(name = "cadre")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Cadre implements RegionScoped {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	@Enumerated(EnumType.STRING)
	private Gender gender;

	private String ethnicity;

	private @Nullable String workUnit;

	private @Nullable String position;

	@Enumerated(EnumType.STRING)
	private CadreLevel level;

	private String regionCode;

	private @Nullable String phone;

	private @Nullable LocalDate leftOn;

	private Instant createdAt;

	private Instant updatedAt;

	/** The import batch that last wrote the cadre, while it may still be undone; null for one typed in. */
	private @Nullable Long importBatchId;

	@Version
	private long version;

	Cadre(CadreDetails details) {
		this.createdAt = Instant.now();
		apply(details);
	}

	void apply(CadreDetails details) {
		this.name = details.name();
		this.gender = details.gender();
		this.ethnicity = details.ethnicity();
		this.workUnit = details.workUnit();
		this.position = details.position();
		this.level = details.level();
		this.regionCode = details.regionCode();
		this.phone = details.phone();
		this.updatedAt = Instant.now();
	}

	void importedBy(long batchId) {
		this.importBatchId = batchId;
	}

	/** What an undone import restores: the details it had before, and the batch that wrote them. */
	void restore(CadreDetails before, @Nullable Long earlierBatchId) {
		apply(before);
		this.importBatchId = earlierBatchId;
	}

	/** The details as they are now, which an import compares a row with and keeps to restore on undo. */
	CadreDetails details() {
		return new CadreDetails(name, gender, ethnicity, workUnit, position, level, regionCode, phone);
	}

	public String maskedPhone() {
		return Masking.phone(phone);
	}

	public boolean isActive() {
		return leftOn == null;
	}

	void leave(LocalDate on) {
		if (leftOn != null) {
			throw new IllegalStateException("Cadre " + id + " has already left");
		}
		this.leftOn = on;
		this.updatedAt = Instant.now();
	}

}
