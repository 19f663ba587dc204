package org.pomegranate.petition.settings;

/**
 * Categories and departments made in memory, for tests of the petition aggregate that need no
 * database.
 */
public final class PetitionSettingsFixtures {

	private PetitionSettingsFixtures() {
	}

	public static PetitionCategory category(String name, int acceptDays, int closeDays) {
		return new PetitionCategory(name, acceptDays, closeDays, 0);
	}

	public static PetitionDepartment department(String name, String regionCode) {
		return new PetitionDepartment(name, regionCode);
	}

}
