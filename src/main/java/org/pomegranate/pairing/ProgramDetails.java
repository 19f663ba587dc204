package org.pomegranate.pairing;

import java.util.Set;

/**
 * What is entered about a pairing program, already checked by the service.
 */
record ProgramDetails(String name, String regionCode, Set<HouseholdCategory> targetCategories,
		Set<CadreLevel> cadreLevels, int minHouseholds, int maxHouseholds, int visitIntervalDays, boolean active) {
}
