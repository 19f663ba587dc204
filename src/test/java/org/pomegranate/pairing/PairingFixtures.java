package org.pomegranate.pairing;

import org.pomegranate.pairing.cadre.CadreForm;
import org.pomegranate.pairing.cadre.CadreLevel;
import org.pomegranate.pairing.household.Gender;
import org.pomegranate.pairing.household.HouseholdCategory;
import org.pomegranate.pairing.household.HouseholdForm;
import org.pomegranate.pairing.program.ProgramForm;
import java.util.List;

import org.pomegranate.shared.IdNumber;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Test data in places no demo data touches: a township 测试乡 of 九龙县 with two villages.
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

	public static HouseholdForm household(String name, String idNumber, String village, HouseholdCategory... categories) {
		return new HouseholdForm(name, idNumber, "04", "13812341234", village, "1号", "3", List.of(categories), null, 0L);
	}

	public static CadreForm cadre(String name, CadreLevel level) {
		return new CadreForm(name, Gender.FEMALE, "04", "九龙县民宗局", "干部", level, TOWNSHIP, "13912345678", 0L);
	}

	public static ProgramForm program(String name, int min, int max, int intervalDays, List<HouseholdCategory> targets,
			List<CadreLevel> levels) {
		return new ProgramForm(name, COUNTY, targets, levels, String.valueOf(min), String.valueOf(max),
				String.valueOf(intervalDays), true, 0L);
	}

}
