package org.pomegranate.pairing.program;

import org.pomegranate.pairing.cadre.Cadre;
import org.pomegranate.pairing.cadre.CadreLevel;
import org.pomegranate.pairing.household.Household;
import org.pomegranate.pairing.household.HouseholdCategory;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.pomegranate.shared.EnumBits;
import org.pomegranate.shared.RegionCode;
import org.pomegranate.shared.RegionScoped;

/**
 * A pairing drive (结对计划), e.g. 州级领导联谊残疾人家庭: which households it targets, which cadres
 * take part, how many households a cadre holds and how often they must be visited. Owned by a
 * region and shared with every region below it. A counterpart-support program (对口支援) also takes
 * cadres of the partner regions it names; any other takes cadres of the household's own region or
 * of a region above it only.
 */
@Entity
@Table(name = "pairing_program")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class PairingProgram implements RegionScoped {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	private String regionCode;

	private int targetCategories;

	private int cadreLevels;

	private int minHouseholds;

	private int maxHouseholds;

	private int visitIntervalDays;

	private boolean active;

	/** 对口支援: cadres of {@link #partnerRegionCodes} may pair with this program's households. */
	private boolean counterpartSupport;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "pairing_program_partner", joinColumns = @JoinColumn(name = "program_id"))
	@Column(name = "region_code")
	private Set<String> partnerRegionCodes = new HashSet<>();

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	PairingProgram(ProgramDetails details) {
		this.createdAt = Instant.now();
		this.active = true;
		apply(details);
	}

	void apply(ProgramDetails details) {
		this.name = details.name();
		this.regionCode = details.regionCode();
		this.targetCategories = EnumBits.of(details.targetCategories());
		this.cadreLevels = EnumBits.of(details.cadreLevels());
		this.minHouseholds = details.minHouseholds();
		this.maxHouseholds = details.maxHouseholds();
		this.visitIntervalDays = details.visitIntervalDays();
		this.active = details.active();
		this.counterpartSupport = details.counterpartSupport();
		this.partnerRegionCodes.clear();
		if (counterpartSupport) {
			this.partnerRegionCodes.addAll(details.partnerRegionCodes());
		}
		this.updatedAt = Instant.now();
	}

	public Set<HouseholdCategory> targetCategorySet() {
		return EnumBits.toSet(HouseholdCategory.class, targetCategories);
	}

	public Set<CadreLevel> cadreLevelSet() {
		return EnumBits.toSet(CadreLevel.class, cadreLevels);
	}

	public boolean targets(Household household) {
		return (household.getCategories() & targetCategories) != 0;
	}

	boolean admits(Cadre cadre) {
		return (cadreLevels & cadre.getLevel().bit()) != 0;
	}

	/**
	 * Whether a cadre of {@code cadreRegion} may be paired with a household of {@code householdRegion}
	 * in this program: the cadre's region is the household's own or one above it, or, in a
	 * counterpart-support program, lies inside one of its partner regions.
	 */
	public boolean acceptsCadreFrom(String cadreRegion, String householdRegion) {
		var cadre = RegionCode.of(cadreRegion);
		if (cadre.covers(RegionCode.of(householdRegion))) {
			return true;
		}
		return counterpartSupport && partnerRegionCodes.stream().anyMatch(partner -> RegionCode.of(partner).covers(cadre));
	}

}
