package org.pomegranate.pairing;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The pairing-program form as typed.
 */
public record ProgramForm(@Nullable String name, @Nullable String regionCode,
		@Nullable List<HouseholdCategory> targetCategories, @Nullable List<CadreLevel> cadreLevels,
		@Nullable Integer minHouseholds, @Nullable Integer maxHouseholds, @Nullable Integer visitIntervalDays,
		@Nullable Boolean active, @Nullable Long version) {

	static ProgramForm empty(String regionCode) {
		return new ProgramForm("", regionCode, List.of(HouseholdCategory.DISABLED), List.of(CadreLevel.GENERAL), 1, 3,
				30, true, 0L);
	}

	static ProgramForm of(PairingProgram program) {
		return new ProgramForm(program.getName(), program.getRegionCode(), List.copyOf(program.targetCategorySet()),
				List.copyOf(program.cadreLevelSet()), program.getMinHouseholds(), program.getMaxHouseholds(),
				program.getVisitIntervalDays(), program.isActive(), program.getVersion());
	}

}
