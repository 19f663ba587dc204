package org.pomegranate.pairing.program;

import org.pomegranate.pairing.cadre.CadreLevel;
import org.pomegranate.pairing.household.HouseholdCategory;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The pairing-program form as typed.
 */
public record ProgramForm(@Nullable String name, @Nullable String regionCode,
		@Nullable List<HouseholdCategory> targetCategories, @Nullable List<CadreLevel> cadreLevels,
		@Nullable String minHouseholds, @Nullable String maxHouseholds, @Nullable String visitIntervalDays,
		@Nullable Boolean active, @Nullable Long version) {

	public static ProgramForm empty(String regionCode) {
		return new ProgramForm("", regionCode, List.of(HouseholdCategory.DISABLED), List.of(CadreLevel.GENERAL), "1", "3",
				"30", true, 0L);
	}

	public static ProgramForm of(PairingProgram program) {
		return new ProgramForm(program.getName(), program.getRegionCode(), List.copyOf(program.targetCategorySet()),
				List.copyOf(program.cadreLevelSet()), String.valueOf(program.getMinHouseholds()),
				String.valueOf(program.getMaxHouseholds()), String.valueOf(program.getVisitIntervalDays()), program.isActive(),
				program.getVersion());
	}

}
