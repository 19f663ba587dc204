package org.pomegranate.dataimport.kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.shared.IdNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The pairing import as staff of 康定 use it through the pages, in a program of their own: the
 * template filled in, the dry run's counts, the pairings stored equal to the sheet, the same file
 * again, undo; a household of another county, one paired with another cadre, an unknown cadre and
 * a duplicate refused; an undo blocked by a visit made since.
 */
@IntegrationTest
class PairingImportTests {

	private static final AtomicInteger SERIAL = new AtomicInteger(500);

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	private ImportPages pages;

	private String program;

	private String unit;

	private String village;

	/** The cadre of this test, by a name no other test's cadre has. */
	private String cadre;

	@BeforeEach
	void aProgramACadreAndTheirRegion() {
		pages = new ImportPages(mvc, user(users.loadUserByUsername("kd_staff")), "pairings");
		var tag = UUID.randomUUID().toString().substring(0, 8);
		program = "导入结对计划" + tag;
		unit = "导入结对单位" + tag;
		village = village("513301");
		jdbc.update("""
				insert into pairing_program (name, region_code, target_categories, cadre_levels, min_households,
				                             max_households, visit_interval_days)
				values (?, '513301', 16, 31, 0, 5, 30)""", program);
		cadre = "多吉" + tag.substring(0, 4);
		cadre(cadre);
	}

	private String village(String county) {
		return jdbc.queryForObject(
				"select code from region where level = 'VILLAGE' and retired_at is null and code like ? order by code limit 1",
				String.class, county + "%");
	}

	private void cadre(String name) {
		jdbc.update("insert into cadre (name, gender, ethnicity, work_unit, level, region_code) values (?, 'MALE', '04', ?, 'GENERAL', '513301')",
				name, unit);
	}

	/** A household of target category (bit 4) in {@code region}, with a fresh ID number. */
	private String household(String region) {
		var first17 = "513301198502" + "1" + (SERIAL.get() % 9) + String.format("%03d", SERIAL.getAndIncrement() % 1000);
		var idNumber = IdNumber.withCheckCharacter(first17.substring(0, 17));
		jdbc.update("""
				insert into household (head_name, id_number, ethnicity, region_code, member_count, categories)
				values (?, ?, '04', ?, 3, 16)""", "结对户" + idNumber.substring(14), idNumber, region);
		return idNumber;
	}

	private List<java.util.Map<String, Object>> pairingsOfProgram() {
		return jdbc.queryForList("""
				select h.id_number, c.name as cadre, p.started_on::text as started_on, p.ended_on, p.import_batch_id
				from pairing p join household h on h.id = p.household_id join cadre c on c.id = p.cadre_id
				where p.program_id = (select id from pairing_program where name = ?) order by h.id_number""", program);
	}

	@Test
	void theTemplateFilledInBecomesThePairingsOfTheSheetAndTheSameFileTwiceChangesNothingAndUndoTakesThemBack() throws Exception {
		assertThat(pages.headers()).containsExactly("结对计划*", "户主身份证号*", "干部姓名*", "干部工作单位", "结对日期");
		var first = household(village);
		var second = household(village);
		var filled = pages.filledTemplate("结对", List.of(List.of(program, first, cadre, unit, "2024年3月1日"),
				List.of(program, second, cadre, "", "2024/3/2")));

		var dryRun = pages.upload("结对.xlsx", filled);
		assertThat(dryRun.count("NEW")).as(dryRun.errors()).isEqualTo(2);
		assertThat(dryRun.count("ERROR")).isZero();
		long batch = pages.commit(dryRun);

		var stored = pairingsOfProgram();
		assertThat(stored).hasSize(2);
		var firstFirst = first.compareTo(second) < 0;
		assertThat(stored.get(firstFirst ? 0 : 1)).containsEntry("id_number", first).containsEntry("started_on", "2024-03-01");
		assertThat(stored.get(firstFirst ? 1 : 0)).containsEntry("id_number", second).containsEntry("started_on", "2024-03-02");
		assertThat(stored).allSatisfy(row -> {
			assertThat(row.get("cadre")).isEqualTo(cadre);
			assertThat(row.get("ended_on")).isNull();
			assertThat(((Number) row.get("import_batch_id")).longValue()).isEqualTo(batch);
		});
		assertThat(jdbc.queryForObject("""
				select households from cadre_load
				where program_id = (select id from pairing_program where name = ?) and cadre_id = (select id from cadre where work_unit = ?)""",
				Integer.class, program, unit)).as("the cadre's load counts the imported pairings").isEqualTo(2);

		var again = pages.upload("结对.xlsx", filled);
		assertThat(again.count("UNCHANGED")).isEqualTo(2);
		assertThat(again.count("NEW")).isZero();

		assertThat(pages.undoBlockers(batch)).isEmpty();
		pages.undo(batch);
		assertThat(pairingsOfProgram()).isEmpty();
		assertThat(jdbc.queryForObject("select state from import_batch where id = ?", String.class, batch)).isEqualTo("UNDONE");
	}

	@Test
	void aHouseholdOfAnotherCountyOnePairedWithAnotherCadreAnUnknownCadreAndADuplicateAreRefused() throws Exception {
		var own = household(village);
		var luding = household(village("513322"));
		var pairedElsewhere = household(village);
		var other = household(village);
		cadre("次仁");
		pages.commit(pages.upload("先.xlsx", pages.filledTemplate("结对", List.of(List.of(program, pairedElsewhere, "次仁", unit, "")))));

		var dryRun = pages.upload("结对.xlsx", pages.filledTemplate("结对",
				List.of(List.of(program, luding, cadre, unit, ""), List.of(program, pairedElsewhere, cadre, unit, ""),
						List.of(program, other, "不存在的干部", "", ""), List.of(program, own, cadre, unit, ""),
						List.of(program, own, cadre, unit, ""))));
		assertThat(dryRun.count("NEW")).as(dryRun.errors()).isEqualTo(1);
		assertThat(dryRun.count("ERROR")).isEqualTo(4);
		assertThat(dryRun.errors()).contains("您的辖区内没有这个身份证号的家庭", "已与次仁结对", "找不到这名干部", "与第 6 行重复");
		pages.commit(dryRun);
		assertThat(pairingsOfProgram()).extracting(row -> row.get("id_number") + " " + row.get("cadre"))
			.containsExactlyInAnyOrder(own + " " + cadre, pairedElsewhere + " 次仁");
	}

	@Test
	void anUndoIsBlockedByAVisitMadeSinceAndSaysWhichPairing() throws Exception {
		var idNumber = household(village);
		long batch = pages.commit(pages.upload("结对.xlsx",
				pages.filledTemplate("结对", List.of(List.of(program, idNumber, cadre, unit, "2024-05-01")))));
		jdbc.update("""
				insert into visit (pairing_id, household_id, region_code, visited_on, kind, visitors, created_by)
				select p.id, p.household_id, p.region_code, date '2024-05-03', 'HOME_VISIT', '多吉', 'kd_staff'
				from pairing p where p.import_batch_id = ?""", batch);
		assertThat(pages.undoBlockers(batch)).contains(cadre + " ↔ 结对户", "导入后已有走访记录");
		pages.undo(batch);
		assertThat(pairingsOfProgram()).hasSize(1);
	}

}
