package org.pomegranate.pairing.cadre;

import java.util.UUID;

import org.pomegranate.pairing.household.Gender;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.validation.Phone;
import org.pomegranate.shared.validation.PlainText;
import org.pomegranate.shared.validation.Required;

/**
 * The cadre form as typed, with the rules of each field; the service checks the ethnic group and
 * that the region is one of the user's. {@code submission} is the create form's one-time token.
 */
public record CadreForm(@Required @PlainText(max = 50) @Nullable String name, @NotNull @Nullable Gender gender,
		@Nullable String ethnicity, @PlainText(max = 100) @Nullable String workUnit,
		@PlainText(max = 100) @Nullable String position, @NotNull @Nullable CadreLevel level,
		@Required(message = "{cadre.error.region}") @Nullable String regionCode, @Phone @Nullable String phone,
		@Nullable Long version, @Nullable UUID submission) {

	public static CadreForm empty(String regionCode) {
		return new CadreForm("", Gender.MALE, "04", "", "", CadreLevel.GENERAL, regionCode, "", 0L, null);
	}

	public static CadreForm of(Cadre cadre) {
		return new CadreForm(cadre.getName(), cadre.getGender(), cadre.getEthnicity(), cadre.getWorkUnit(),
				cadre.getPosition(), cadre.getLevel(), cadre.getRegionCode(), "", cadre.getVersion(), null);
	}

}
