package org.pomegranate.pairing.household;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The household form as typed; the service checks every field and says what is wrong with each.
 */
public record HouseholdForm(@Nullable String headName, @Nullable String idNumber, @Nullable String ethnicity,
		@Nullable String phone, @Nullable String regionCode, @Nullable String address, @Nullable String memberCount,
		@Nullable List<HouseholdCategory> categories, @Nullable String notes, @Nullable Long version) {

	public static HouseholdForm empty() {
		return new HouseholdForm("", "", "04", "", "", "", "1", List.of(), "", 0L);
	}

	/** The form for editing; the ID number and phone are not in it unless the user types new ones. */
	public static HouseholdForm of(Household household) {
		return new HouseholdForm(household.getHeadName(), "", household.getEthnicity(), "",
				household.getRegionCode(), household.getAddress(), String.valueOf(household.getMemberCount()),
				List.copyOf(household.categorySet()), household.getNotes(), household.getVersion());
	}

}
