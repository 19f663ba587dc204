package org.pomegranate.dataimport.kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The cadre import as staff of 康定 use it through the pages: the template filled in, the dry
 * run's counts, the cadres stored equal to the sheet, the same file again, an update shown field
 * by field and undone, a row of another county and a duplicate refused, and an undo blocked by a
 * later edit.
 */
@IntegrationTest
class CadreImportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	private ImportPages pages;

	/** A unit no other test uses, so that the natural key (name + unit) is this test's own. */
	private String unit;

	@BeforeEach
	void signIn() {
		pages = new ImportPages(mvc, user(users.loadUserByUsername("kd_staff")), "cadres");
		unit = "导入测试单位" + UUID.randomUUID().toString().substring(0, 8);
	}

	private String region(String county, String level) {
		return jdbc.queryForObject(
				"select code from region where level = ? and retired_at is null and code like ? order by code limit 1",
				String.class, level, county + "%");
	}

	@Test
	void theTemplateFilledInBecomesTheCadresOfTheSheetAndTheSameFileTwiceChangesNothingAndUndoTakesThemBack() throws Exception {
		assertThat(pages.headers()).containsExactly("姓名*", "性别*", "民族*", "工作单位", "职务", "干部类别*", "所属区域*", "联系电话");
		var village = region("513301", "VILLAGE");
		var township = region("513301", "TOWNSHIP");
		var rows = List.of(List.of("央金", "女", "藏族", unit, "科员", "一般干部", village, "13900000001"),
				List.of("李明", "男", "汉族", unit, "局长", "部门负责人", township, ""),
				// The same name in another unit is another cadre.
				List.of("央金", "女", "藏族", unit + "二", "", "育籽员", village, "13900000003"));
		var filled = pages.filledTemplate("干部", rows);

		var dryRun = pages.upload("干部.xlsx", filled);
		assertThat(dryRun.count("NEW")).as(dryRun.errors()).isEqualTo(3);
		assertThat(dryRun.count("ERROR")).isZero();
		long batch = pages.commit(dryRun);

		var stored = jdbc.queryForList("""
				select c.name, c.gender, e.name as ethnicity, c.work_unit, c.position, c.level, c.region_code, c.phone,
				       c.import_batch_id
				from cadre c join ethnic_group e on e.code = c.ethnicity
				where c.work_unit like ? order by c.work_unit, c.name desc""", unit + "%");
		assertThat(stored).hasSize(3);
		String[][] expected = { { "央金", "FEMALE", "藏族", unit, "科员", "GENERAL", village, "13900000001" },
				{ "李明", "MALE", "汉族", unit, "局长", "DEPARTMENT_HEAD", township, null },
				{ "央金", "FEMALE", "藏族", unit + "二", null, "YUZIYUAN", village, "13900000003" } };
		stored.sort((a, b) -> (a.get("work_unit") + "" + a.get("level")).compareTo(b.get("work_unit") + "" + b.get("level")));
		for (var want : expected) {
			assertThat(stored).anySatisfy(row -> {
				assertThat(row.get("name")).isEqualTo(want[0]);
				assertThat(row.get("gender")).isEqualTo(want[1]);
				assertThat(row.get("ethnicity")).isEqualTo(want[2]);
				assertThat(row.get("work_unit")).isEqualTo(want[3]);
				assertThat(row.get("position")).isEqualTo(want[4]);
				assertThat(row.get("level")).isEqualTo(want[5]);
				assertThat(row.get("region_code")).isEqualTo(want[6]);
				assertThat(row.get("phone")).isEqualTo(want[7]);
				assertThat(((Number) row.get("import_batch_id")).longValue()).isEqualTo(batch);
			});
		}

		var again = pages.upload("干部.xlsx", filled);
		assertThat(again.page().select("#imported-before").text()).contains("已于");
		assertThat(again.count("UNCHANGED")).isEqualTo(3);
		assertThat(again.count("NEW")).isZero();

		assertThat(pages.undoBlockers(batch)).isEmpty();
		pages.undo(batch);
		assertThat(jdbc.queryForObject("select count(*) from cadre where work_unit like ?", Long.class, unit + "%")).isZero();

		// Brought in again, then a sheet that changes one field: shown as an update, restored by its undo.
		pages.commit(pages.upload("干部.xlsx", filled));
		var changed = pages.upload("干部改.xlsx", pages.filledTemplate("干部",
				List.of(List.of("央金", "女", "藏族", unit, "股长", "一般干部", village, "13900000001"))));
		assertThat(changed.count("UPDATE")).isEqualTo(1);
		assertThat(changed.updates()).contains("职务：科员 → 股长");
		long update = pages.commit(changed);
		assertThat(position(unit)).isEqualTo("股长");
		pages.undo(update);
		assertThat(position(unit)).isEqualTo("科员");
	}

	@Test
	void aRowOfAnotherCountyAndADuplicateWithinTheFileAreRefusedAndNothingOfThemIsWritten() throws Exception {
		var own = region("513301", "VILLAGE");
		var luding = region("513322", "VILLAGE");
		var dryRun = pages.upload("干部.xlsx", pages.filledTemplate("干部",
				List.of(List.of("外县干部", "男", "藏族", unit, "", "一般干部", luding, ""),
						List.of("重复干部", "男", "藏族", unit, "", "一般干部", own, ""),
						List.of("重复干部", "男", "藏族", unit, "", "一般干部", own, ""),
						List.of("未知类别", "男", "藏族", unit, "", "州长", own, ""))));
		assertThat(dryRun.count("ERROR")).isEqualTo(3);
		assertThat(dryRun.count("NEW")).isEqualTo(1);
		assertThat(dryRun.errors()).contains("与第 4 行重复", "所属区域", "干部类别");
		pages.commit(dryRun);
		assertThat(jdbc.queryForList("select name from cadre where work_unit = ?", String.class, unit))
			.containsExactly("重复干部");
	}

	@Test
	void anUndoIsBlockedByALaterEditAndSaysWhichCadre() throws Exception {
		var village = region("513301", "VILLAGE");
		long batch = pages.commit(pages.upload("干部.xlsx", pages.filledTemplate("干部",
				List.of(List.of("格桑", "男", "藏族", unit, "", "一般干部", village, "")))));
		jdbc.update("update cadre set position = '后来改的', version = version + 1 where work_unit = ?", unit);
		assertThat(pages.undoBlockers(batch)).contains("格桑", "导入后已被修改");
		pages.undo(batch);
		assertThat(jdbc.queryForObject("select count(*) from cadre where work_unit = ?", Long.class, unit)).isEqualTo(1);
	}

	private String position(String unit) {
		return jdbc.queryForObject("select position from cadre where work_unit = ? and name = '央金'", String.class, unit);
	}

}
