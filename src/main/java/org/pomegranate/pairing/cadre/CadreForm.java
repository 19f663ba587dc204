package org.pomegranate.pairing.cadre;

import org.pomegranate.pairing.household.Gender;
import org.jspecify.annotations.Nullable;

/**
 * The cadre form as typed; the service checks it.
 */
public record CadreForm(@Nullable String name, @Nullable Gender gender, @Nullable String ethnicity,
		@Nullable String workUnit, @Nullable String position, @Nullable CadreLevel level,
		@Nullable String regionCode, @Nullable String phone, @Nullable Long version) {

	public static CadreForm empty(String regionCode) {
		return new CadreForm("", Gender.MALE, "04", "", "", CadreLevel.GENERAL, regionCode, "", 0L);
	}

	public static CadreForm of(Cadre cadre) {
		return new CadreForm(cadre.getName(), cadre.getGender(), cadre.getEthnicity(), cadre.getWorkUnit(),
				cadre.getPosition(), cadre.getLevel(), cadre.getRegionCode(), "", cadre.getVersion());
	}

}
