package org.pomegranate.petition.settings;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.pomegranate.shared.RegionCode;
import org.pomegranate.shared.RegionScoped;

/**
 * A responsible department (责任单位): a unit or office of a region to which petitions of that
 * region and below are pushed. Kept when it stops taking petitions, for the history.
 */
@Entity
@Table(name = "petition_department")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class PetitionDepartment implements RegionScoped {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	private String regionCode;

	private boolean active;

	private Instant createdAt;

	@Version
	private long version;

	PetitionDepartment(String name, String regionCode) {
		this.name = name;
		this.regionCode = regionCode;
		this.active = true;
		this.createdAt = Instant.now();
	}

	void change(String name, boolean active) {
		this.name = name;
		this.active = active;
	}

	/** Serves petitions of its own region and of every region below it. */
	boolean serves(String villageCode) {
		return active && RegionCode.of(regionCode).covers(RegionCode.of(villageCode));
	}

}
