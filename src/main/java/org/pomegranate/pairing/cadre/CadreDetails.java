package org.pomegranate.pairing.cadre;

import org.pomegranate.pairing.household.Gender;
import org.jspecify.annotations.Nullable;

/**
 * What is entered about a cadre, already cleaned up by the service.
 */
public record CadreDetails(String name, Gender gender, String ethnicity, @Nullable String workUnit,
		@Nullable String position, CadreLevel level, String regionCode, @Nullable String phone) {
}
