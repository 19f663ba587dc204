package org.pomegranate.pairing.household;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What is entered about a household, already cleaned up by the service.
 */
public record HouseholdDetails(String headName, String idNumber, String ethnicity, @Nullable String phone,
		String regionCode, @Nullable String address, int memberCount, Set<HouseholdCategory> categories,
		@Nullable String notes) {
}
