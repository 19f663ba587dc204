package org.pomegranate.account.mfa;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.pomegranate.shared.RegionScoped;

/** A region whose supervisors, and those of the regions below it, must use a second factor. */
@Entity
@Table(name = "second_factor_region")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class SecondFactorRegion implements RegionScoped {

	@Id
	private String regionCode;

	private String requiredBy;

	private Instant requiredAt;

	SecondFactorRegion(String regionCode, String requiredBy, Instant requiredAt) {
		this.regionCode = regionCode;
		this.requiredBy = requiredBy;
		this.requiredAt = requiredAt;
	}

}
