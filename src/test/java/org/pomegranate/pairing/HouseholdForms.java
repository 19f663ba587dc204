package org.pomegranate.pairing;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.pomegranate.pairing.household.HouseholdCategory;
import org.pomegranate.pairing.household.HouseholdForm;
import org.pomegranate.shared.SubmissionTokens;

/**
 * A household form as a test fills it in, naming each field it sets:
 * {@code aHousehold().named("户一").withIdNumber(id).in(VILLAGE_A).withCategories(DISABLED).build()}.
 * By default a family of three in 甲村 of 测试乡 with a phone and no categories, and no ID number
 * (on an edit: the one it has).
 */
final class HouseholdForms {

	private String headName = "测试户";

	private String idNumber = "";

	private String regionCode = PairingFixtures.VILLAGE_A;

	private List<HouseholdCategory> categories = List.of();

	private @Nullable UUID submission;

	private HouseholdForms() {
	}

	static HouseholdForms aHousehold() {
		return new HouseholdForms();
	}

	HouseholdForms named(String headName) {
		this.headName = headName;
		return this;
	}

	HouseholdForms withIdNumber(String idNumber) {
		this.idNumber = idNumber;
		return this;
	}

	/** The village the household lives in. */
	HouseholdForms in(String village) {
		this.regionCode = village;
		return this;
	}

	HouseholdForms withCategories(HouseholdCategory... categories) {
		this.categories = List.of(categories);
		return this;
	}

	/** The form's one-time token, to send the same form again; by default each built form has a new one. */
	HouseholdForms submittedAs(UUID submission) {
		this.submission = submission;
		return this;
	}

	HouseholdForm build() {
		return new HouseholdForm(headName, idNumber, "04", "13812341234", regionCode, "1号", "3", categories, null, 0L,
				submission == null ? SubmissionTokens.fresh() : submission);
	}

}
