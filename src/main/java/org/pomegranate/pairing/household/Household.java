package org.pomegranate.pairing.household;

import java.time.Instant;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;
import org.jspecify.annotations.Nullable;
import org.pomegranate.pairing.HouseholdMoved;
import org.pomegranate.shared.EnumBits;
import org.pomegranate.shared.Masking;
import org.pomegranate.shared.RegionScoped;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A household (家庭 / 户), known by its head's identity number, in a village or community. Saved
 * after a move to another village, it publishes {@link HouseholdMoved}.
 */
@Entity
@Table(name = "household")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Household extends AbstractAggregateRoot<Household> implements RegionScoped {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String headName;

	private String idNumber;

	/**
	 * The last four characters of the ID number, kept by the database, for the search box. Read
	 * back on insert only: an update returning it finds no row when the version is stale, and
	 * Hibernate then fails without saying "changed by someone else".
	 */
	@Generated(event = EventType.INSERT)
	@Column(insertable = false, updatable = false)
	private String idLast4;

	private String ethnicity;

	private @Nullable String phone;

	private String regionCode;

	private @Nullable String address;

	private int memberCount;

	private int categories;

	private @Nullable String notes;

	private Instant createdAt;

	private Instant updatedAt;

	/** The import batch (数据导入) that last wrote this household, for its undo; null when typed. */
	private @Nullable Long importBatchId;

	@Version
	private long version;

	Household(HouseholdDetails details) {
		this.createdAt = Instant.now();
		apply(details);
	}

	void apply(HouseholdDetails details) {
		if (regionCode != null && !regionCode.equals(details.regionCode())) {
			registerEvent(new HouseholdMoved(id, regionCode, details.regionCode()));
		}
		this.headName = details.headName();
		this.idNumber = details.idNumber();
		this.ethnicity = details.ethnicity();
		this.phone = details.phone();
		this.regionCode = details.regionCode();
		this.address = details.address();
		this.memberCount = details.memberCount();
		this.categories = EnumBits.of(details.categories());
		this.notes = details.notes();
		this.updatedAt = Instant.now();
	}

	/** Written by an import batch: its id, so that the batch can be undone. */
	void importedBy(long batchId) {
		this.importBatchId = batchId;
	}

	/** What an undone import restores: the details it had before, and no batch. */
	void restore(HouseholdDetails before, @Nullable Long earlierBatchId) {
		apply(before);
		this.importBatchId = earlierBatchId;
	}

	/** The details as they are now, which an import keeps to restore them on undo. */
	HouseholdDetails details() {
		return new HouseholdDetails(headName, idNumber, ethnicity, phone, regionCode, address, memberCount, categorySet(),
				notes);
	}

	/** An approved transfer request (迁移申请): the household now belongs to {@code village}. */
	void moveTo(String village) {
		if (!village.equals(regionCode)) {
			registerEvent(new HouseholdMoved(id, regionCode, village));
		}
		this.regionCode = village;
		this.updatedAt = Instant.now();
	}

	public Set<HouseholdCategory> categorySet() {
		return EnumBits.toSet(HouseholdCategory.class, categories);
	}

	public String maskedIdNumber() {
		return Masking.idNumber(idNumber);
	}

	public String maskedPhone() {
		return Masking.phone(phone);
	}

}
