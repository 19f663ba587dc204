package org.pomegranate.pairing;

import org.pomegranate.pairing.household.HouseholdQuery;
import org.pomegranate.pairing.program.PairingStatus;

/**
 * The household list's filters as a test sets them, naming each:
 * {@code aHouseholdQuery().in(COUNTY).inProgram(id).withStatus(UNPAIRED).build()}. Unset: no filter.
 */
final class HouseholdQueries {

	private String text;

	private String regionCode;

	private Long programId;

	private PairingStatus status;

	private HouseholdQueries() {
	}

	static HouseholdQueries aHouseholdQuery() {
		return new HouseholdQueries();
	}

	/** Part of the head's name, or the last four characters of the ID number. */
	HouseholdQueries containing(String text) {
		this.text = text;
		return this;
	}

	HouseholdQueries in(String regionCode) {
		this.regionCode = regionCode;
		return this;
	}

	HouseholdQueries inProgram(long programId) {
		this.programId = programId;
		return this;
	}

	/** Paired, unpaired or overdue in the program; {@code null}: all of the program's targets. */
	HouseholdQueries withStatus(PairingStatus status) {
		this.status = status;
		return this;
	}

	HouseholdQuery build() {
		return new HouseholdQuery(text, regionCode, null, programId, status);
	}

}
