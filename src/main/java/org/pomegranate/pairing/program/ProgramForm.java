package org.pomegranate.pairing.program;

import org.pomegranate.pairing.cadre.CadreLevel;
import org.pomegranate.pairing.household.HouseholdCategory;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.validation.PlainText;
import org.pomegranate.shared.validation.Required;
import org.pomegranate.shared.validation.WholeNumber;

/**
 * The pairing-program form as typed, with the rules of each field; the service checks the region,
 * that the name is new there, that the upper quota is not below the lower, and for a
 * counterpart-support program (对口支援) the partner regions' codes, separated by spaces or commas. {@code submission} is
 * the create form's one-time token.
 */
public record ProgramForm(@Required @PlainText(max = 100) @Nullable String name,
		@Required(message = "{program.error.region}") @Nullable String regionCode,
		@NotEmpty(message = "{program.error.categories}") @Nullable List<@NotNull HouseholdCategory> targetCategories,
		@NotEmpty(message = "{program.error.levels}") @Nullable List<@NotNull CadreLevel> cadreLevels,
		@Required(message = "{program.error.quota}") @WholeNumber(min = 0, max = 100,
				message = "{program.error.quota}") @Nullable String minHouseholds,
		@Required(message = "{program.error.quota}") @WholeNumber(min = 1, max = 100,
				message = "{program.error.quota}") @Nullable String maxHouseholds,
		@Required(message = "{program.error.interval}") @WholeNumber(min = 1, max = 366,
				message = "{program.error.interval}") @Nullable String visitIntervalDays,
		@Nullable Boolean active, @Nullable Boolean counterpartSupport,
		@PlainText(max = 200) @Nullable String partnerRegions, @Nullable Long version, @Nullable UUID submission) {

	public static ProgramForm empty(String regionCode) {
		return new ProgramForm("", regionCode, List.of(HouseholdCategory.DISABLED), List.of(CadreLevel.GENERAL), "1", "3",
				"30", true, false, "", 0L, null);
	}

	public static ProgramForm of(PairingProgram program) {
		return new ProgramForm(program.getName(), program.getRegionCode(), List.copyOf(program.targetCategorySet()),
				List.copyOf(program.cadreLevelSet()), String.valueOf(program.getMinHouseholds()),
				String.valueOf(program.getMaxHouseholds()), String.valueOf(program.getVisitIntervalDays()), program.isActive(),
				program.isCounterpartSupport(), String.join(" ", new TreeSet<>(program.getPartnerRegionCodes())),
				program.getVersion(), null);
	}

}
