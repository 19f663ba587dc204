package org.pomegranate.pairing.program;

import org.pomegranate.pairing.cadre.CadreLevel;
import org.pomegranate.pairing.household.HouseholdCategory;
import java.util.Set;

/**
 * What is entered about a pairing program, already checked by the service.
 */
public record ProgramDetails(String name, String regionCode, Set<HouseholdCategory> targetCategories,
		Set<CadreLevel> cadreLevels, int minHouseholds, int maxHouseholds, int visitIntervalDays, boolean active,
		boolean counterpartSupport, Set<String> partnerRegionCodes) {
}
