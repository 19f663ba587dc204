package org.pomegranate.pairing;

import org.pomegranate.shared.IdNumber;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Test data in places no demo data touches: a township 测试乡 of 九龙县 with two villages. The
 * forms for it come from {@link HouseholdForms}, {@link CadreForms}, {@link ProgramForms} and
 * {@link VisitForms}.
 */
public final class PairingFixtures {

	static final String COUNTY = "513324";

	static final String TOWNSHIP = "513324999";

	public static final String VILLAGE_A = "513324999001";

	public static final String VILLAGE_B = "513324999002";

	private PairingFixtures() {
	}

	public static void township(JdbcTemplate jdbc) {
		jdbc.update("insert into region (code, name, level, parent_code) values (?, '测试乡', 'TOWNSHIP', ?) on conflict do nothing",
				TOWNSHIP, COUNTY);
		jdbc.update("insert into region (code, name, level, parent_code) values (?, '甲村', 'VILLAGE', ?) on conflict do nothing",
				VILLAGE_A, TOWNSHIP);
		jdbc.update("insert into region (code, name, level, parent_code) values (?, '乙村', 'VILLAGE', ?) on conflict do nothing",
				VILLAGE_B, TOWNSHIP);
	}

	/** A valid ID number that no other test uses: 九龙县, born on the given day, with a sequence. */
	public static String idNumber(String birthDate, int sequence) {
		return IdNumber.withCheckCharacter(COUNTY + birthDate + String.format("%03d", sequence));
	}

}
