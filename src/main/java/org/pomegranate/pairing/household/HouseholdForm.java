package org.pomegranate.pairing.household;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.validation.Phone;
import org.pomegranate.shared.validation.PlainText;
import org.pomegranate.shared.validation.Required;
import org.pomegranate.shared.validation.VillageCode;
import org.pomegranate.shared.validation.WholeNumber;

/**
 * The household form as typed, with the rules of each field. The service checks the rest against
 * the records: the ID number (left empty when editing, it stays), the ethnic group, the village.
 * {@code submission} is the create form's one-time token ({@code SubmissionTokens}).
 */
public record HouseholdForm(@Required @PlainText(max = 50) @Nullable String headName, @Nullable String idNumber,
		@Nullable String ethnicity, @Phone @Nullable String phone,
		@Required(message = "{validation.villageCode}") @VillageCode @Nullable String regionCode,
		@PlainText(max = 200) @Nullable String address,
		@Required(message = "{household.error.memberCount}") @WholeNumber(min = 1, max = 50,
				message = "{household.error.memberCount}") @Nullable String memberCount,
		@Nullable List<HouseholdCategory> categories, @PlainText(max = 1000, multiline = true) @Nullable String notes,
		@Nullable Long version, @Nullable UUID submission) {

	public static HouseholdForm empty() {
		return new HouseholdForm("", "", "04", "", "", "", "1", List.of(), "", 0L, null);
	}

	/** The form for editing; the ID number and phone are not in it unless the user types new ones. */
	public static HouseholdForm of(Household household) {
		return new HouseholdForm(household.getHeadName(), "", household.getEthnicity(), "",
				household.getRegionCode(), household.getAddress(), String.valueOf(household.getMemberCount()),
				List.copyOf(household.categorySet()), household.getNotes(), household.getVersion(), null);
	}

}
