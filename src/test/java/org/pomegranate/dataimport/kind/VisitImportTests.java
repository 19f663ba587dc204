package org.pomegranate.dataimport.kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
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
 * The visit import as staff of 康定 use it through the pages, for a pairing of their own made on
 * 2024-01-01: the template filled in, the dry run's counts, the visits stored equal to the sheet
 * and the pairing's last visit kept, the same file again, undo; a household of another county, a
 * date before the pairing, a duplicate in the file and another visit of the same day refused; an
 * undo blocked by a later edit.
 */
@IntegrationTest
class VisitImportTests {

	private static final AtomicInteger SERIAL = new AtomicInteger(700);

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	private ImportPages pages;

	private String cadre;

	private String unit;

	private String household;

	private long pairing;

	@BeforeEach
	void aPairingOfTheirOwn() {
		pages = new ImportPages(mvc, user(users.loadUserByUsername("kd_staff")), "visits");
		var tag = UUID.randomUUID().toString().substring(0, 8);
		cadre = "拉姆" + tag.substring(0, 4);
		unit = "导入走访单位" + tag;
		jdbc.update("""
				insert into pairing_program (name, region_code, target_categories, cadre_levels, min_households,
				                             max_households, visit_interval_days)
				values (?, '513301', 16, 31, 0, 5, 30)""", "导入走访计划" + tag);
		jdbc.update("insert into cadre (name, gender, ethnicity, work_unit, level, region_code) values (?, 'FEMALE', '04', ?, 'GENERAL', '513301')",
				cadre, unit);
		household = household(village("513301"));
		pairing = jdbc.queryForObject("""
				insert into pairing (program_id, cadre_id, household_id, region_code, started_on)
				select (select id from pairing_program where name = ?), (select id from cadre where work_unit = ?), h.id,
				       h.region_code, date '2024-01-01'
				from household h where h.id_number = ? returning id""", Long.class, "导入走访计划" + tag, unit, household);
	}

	private String village(String county) {
		return jdbc.queryForObject(
				"select code from region where level = 'VILLAGE' and retired_at is null and code like ? order by code limit 1",
				String.class, county + "%");
	}

	private String household(String region) {
		var first17 = "513301198703" + "2" + (SERIAL.get() % 9) + String.format("%03d", SERIAL.getAndIncrement() % 1000);
		var idNumber = IdNumber.withCheckCharacter(first17.substring(0, 17));
		jdbc.update("""
				insert into household (head_name, id_number, ethnicity, region_code, member_count, categories)
				values (?, ?, '04', ?, 3, 16)""", "走访户" + idNumber.substring(14), idNumber, region);
		return idNumber;
	}

	private List<Map<String, Object>> visitsOfPairing() {
		return jdbc.queryForList("""
				select visited_on::text as visited_on, kind, visitors, findings, actions_taken, aid_amount, follow_up_needed,
				       import_batch_id
				from visit where pairing_id = ? order by visited_on, id""", pairing);
	}

	private String lastVisit() {
		return jdbc.queryForObject("select last_visit_on::text from pairing where id = ?", String.class, pairing);
	}

	@Test
	void theTemplateFilledInBecomesTheVisitsOfTheSheetAndTheSameFileTwiceChangesNothingAndUndoTakesThemBack() throws Exception {
		assertThat(pages.headers()).startsWith("户主身份证号*", "干部姓名*", "干部工作单位", "结对计划", "走访日期*", "走访方式*", "走访人员*");
		var filled = pages.filledTemplate("走访",
				List.of(List.of(household, cadre, unit, "", "2024年3月5日", "入户走访", cadre + "、村干部", "房屋漏雨", "联系维修", "200", "是"),
						List.of(household, cadre, "", "", "2024.4.1", "电话联系", cadre, "", "", "", "")));
		var dryRun = pages.upload("走访.xlsx", filled);
		assertThat(dryRun.count("NEW")).as(dryRun.errors()).isEqualTo(2);
		assertThat(dryRun.count("ERROR")).isZero();
		long batch = pages.commit(dryRun);

		var stored = visitsOfPairing();
		assertThat(stored).hasSize(2);
		assertThat(stored.get(0)).containsEntry("visited_on", "2024-03-05")
			.containsEntry("kind", "HOME_VISIT")
			.containsEntry("visitors", cadre + "、村干部")
			.containsEntry("findings", "房屋漏雨")
			.containsEntry("actions_taken", "联系维修")
			.containsEntry("follow_up_needed", true);
		assertThat((BigDecimal) stored.get(0).get("aid_amount")).isEqualByComparingTo("200");
		assertThat(stored.get(1)).containsEntry("visited_on", "2024-04-01")
			.containsEntry("kind", "PHONE")
			.containsEntry("findings", null)
			.containsEntry("follow_up_needed", false);
		assertThat((BigDecimal) stored.get(1).get("aid_amount")).isEqualByComparingTo("0");
		assertThat(stored).allSatisfy(row -> assertThat(((Number) row.get("import_batch_id")).longValue()).isEqualTo(batch));
		assertThat(lastVisit()).isEqualTo("2024-04-01");

		var again = pages.upload("走访.xlsx", filled);
		assertThat(again.count("UNCHANGED")).isEqualTo(2);
		assertThat(again.count("NEW")).isZero();

		assertThat(pages.undoBlockers(batch)).isEmpty();
		pages.undo(batch);
		assertThat(visitsOfPairing()).isEmpty();
		assertThat(lastVisit()).isNull();
	}

	@Test
	void aHouseholdOfAnotherCountyADateBeforeThePairingADuplicateAndAnotherVisitOfTheSameDayAreRefused() throws Exception {
		var luding = household(village("513322"));
		pages.commit(pages.upload("先.xlsx", pages.filledTemplate("走访",
				List.of(List.of(household, cadre, unit, "", "2024-06-01", "入户走访", cadre, "", "", "", "")))));

		var dryRun = pages.upload("走访.xlsx", pages.filledTemplate("走访",
				List.of(List.of(luding, cadre, unit, "", "2024-03-05", "入户走访", cadre, "", "", "", ""),
						List.of(household, cadre, unit, "", "2023-12-01", "入户走访", cadre, "", "", "", ""),
						List.of(household, cadre, unit, "", "2024-06-01", "节日慰问", cadre, "", "", "", ""),
						List.of(household, cadre, unit, "", "2024-07-01", "入户走访", cadre, "", "", "", ""),
						List.of(household, cadre, unit, "", "2024-07-01", "入户走访", cadre, "", "", "", ""))));
		assertThat(dryRun.count("NEW")).as(dryRun.errors()).isEqualTo(1);
		assertThat(dryRun.count("ERROR")).isEqualTo(4);
		assertThat(dryRun.errors()).contains("您的辖区内没有这个身份证号的家庭", "走访日期", "当天已有该干部的另一条走访记录", "与第 6 行重复");
		pages.commit(dryRun);
		assertThat(visitsOfPairing()).extracting(row -> row.get("visited_on") + " " + row.get("kind"))
			.containsExactly("2024-06-01 HOME_VISIT", "2024-07-01 HOME_VISIT");
	}

	@Test
	void anUndoIsBlockedByALaterEditAndSaysWhichVisit() throws Exception {
		long batch = pages.commit(pages.upload("走访.xlsx", pages.filledTemplate("走访",
				List.of(List.of(household, cadre, unit, "", "2024-05-03", "入户走访", cadre, "", "", "", "")))));
		jdbc.update("update visit set findings = '后来补的', version = version + 1 where pairing_id = ?", pairing);
		assertThat(pages.undoBlockers(batch)).contains("走访户", "2024-05-03", "导入后已被修改");
		pages.undo(batch);
		assertThat(visitsOfPairing()).hasSize(1);
	}

}
