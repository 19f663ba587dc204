package org.pomegranate.unit.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pomegranate.unit.naming.NamingFixtures.OTHER_COUNTY_ADMIN;
import static org.pomegranate.unit.naming.NamingFixtures.PREFECTURE_ADMIN;
import static org.pomegranate.unit.naming.NamingFixtures.signIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.shared.RecordNotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The title list and what reads from it: another county's title answers exactly like a missing
 * one; the export's cells; 已到期 by the last-day rule before the sweep and after it; the sweep run
 * twice and on two nodes at once moving each title once; the 即将到期 counts.
 */
@IntegrationTest
class NamingListTests {

	@Autowired
	NamingService namings;

	@Autowired
	NamingReminders reminders;

	@Autowired
	ExpirySweep sweep;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void users() {
		NamingFixtures.users(jdbc);
		NamingFixtures.signIn(users, NamingFixtures.PREFECTURE_ADMIN);
	}

	@AfterEach
	void signOut() {
		NamingFixtures.signOut();
	}

	@Test
	void anotherCountysTitleAnswersLikeAMissingOne() throws Exception {
		var township = NamingFixtures.freshTownship(jdbc, "513201");
		var title = NamingFixtures.title();
		var naming = NamingFixtures.named(namings, users, PREFECTURE_ADMIN, "R:" + township, title, NamingLevel.PREFECTURE,
				namings.today());
		long missing = jdbc.queryForObject("select max(id) + 1000 from naming", Long.class);
		signIn(users, OTHER_COUNTY_ADMIN);
		assertThatThrownBy(() -> namings.get(naming.getId())).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> namings.get(missing)).isInstanceOf(RecordNotFoundException.class);
		assertThat(namings.search(new NamingQuery(title, null, null, null, null, null, null), PageRequest.of(0, 20))).isEmpty();

		var other = users.loadUserByUsername(OTHER_COUNTY_ADMIN);
		var foreign = mvc.perform(get("/namings/{id}", naming.getId()).with(user(other))).andReturn().getResponse();
		var absent = mvc.perform(get("/namings/{id}", missing).with(user(other))).andReturn().getResponse();
		assertThat(foreign.getStatus()).isEqualTo(404);
		assertThat(absent.getStatus()).isEqualTo(404);
		assertThat(foreign.getContentAsString()).isEqualTo(absent.getContentAsString()).doesNotContain(title);
		var own = mvc.perform(get("/namings/{id}", naming.getId()).with(user(users.loadUserByUsername(PREFECTURE_ADMIN))))
			.andReturn().getResponse();
		assertThat(own.getContentAsString()).contains(title).contains("阿坝藏族羌族自治州".substring(0, 2));
	}

	@Test
	void staffFileAnApplicationOnTheFormAndThePageOffersOnlyWhatTheUserMay() throws Exception {
		var township = NamingFixtures.freshTownship(jdbc, "513201");
		var name = jdbc.queryForObject("select name from region where code = ?", String.class, township);
		var staff = users.loadUserByUsername(NamingFixtures.COUNTY_STAFF);
		var form = mvc.perform(get("/namings/new").param("holder", "R:" + township).with(user(staff))).andReturn().getResponse();
		assertThat(form.getStatus()).isEqualTo(200);
		assertThat(form.getContentAsString()).contains(name).contains("提交申报").contains("州级").contains("国家级");

		var title = NamingFixtures.title();
		var filed = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/namings")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.with(user(staff))
			.param("submission", java.util.UUID.randomUUID().toString())
			.param("holder", "R:" + township)
			.param("title", title)
			.param("level", "PREFECTURE")).andReturn().getResponse();
		assertThat(filed.getStatus()).isEqualTo(302);
		var id = jdbc.queryForObject("select id from naming where title = ?", Long.class, title);
		assertThat(filed.getRedirectedUrl()).isEqualTo("/namings/" + id);

		var asStaff = mvc.perform(get("/namings/{id}", id).with(user(staff))).andReturn().getResponse().getContentAsString();
		assertThat(asStaff).contains(title).contains("申报中").doesNotContain("id=\"name-form\"");
		var asAdmin = mvc.perform(get("/namings/{id}", id).with(user(users.loadUserByUsername(PREFECTURE_ADMIN))))
			.andReturn().getResponse().getContentAsString();
		assertThat(asAdmin).contains("id=\"name-form\"").contains("id=\"refuse-form\"").doesNotContain("id=\"revoke-form\"");
	}

	@Test
	void aHouseholdsTitleCarriesOnlyTheHeadsNameAndLiesInItsVillage() {
		var village = NamingFixtures.freshTownship(jdbc, "513201") + "001";
		jdbc.update("insert into region (code, name, level, parent_code) values (?, '命名测试村', 'VILLAGE', ?)", village,
				village.substring(0, 9));
		var idNumber = "513201" + String.valueOf(System.nanoTime()).substring(0, 12);
		long household = jdbc.queryForObject("""
				insert into household (head_name, id_number, ethnicity, phone, region_code, member_count)
				values ('扎西', ?, '04', '13812345678', ?, 4) returning id""", Long.class, idNumber.substring(0, 18), village);
		var naming = NamingFixtures.named(namings, users, NamingFixtures.COUNTY_ADMIN, "H:" + household, "马尔康市民族团结进步示范家庭",
				NamingLevel.COUNTY, namings.today());
		assertThat(naming.getHolderKind()).isEqualTo(HolderKind.HOUSEHOLD);
		assertThat(naming.getHolderName()).isEqualTo("扎西家庭");
		assertThat(naming.getHolderRegionCode()).isEqualTo(village);
		assertThat(naming.getHouseholdId()).isEqualTo(household);
		signIn(users, OTHER_COUNTY_ADMIN);
		assertThatThrownBy(() -> namings.get(naming.getId())).isInstanceOf(RecordNotFoundException.class);
	}

	@Test
	void theExportHasTheTitlesCells() throws Exception {
		var township = NamingFixtures.freshTownship(jdbc, "513201");
		var title = NamingFixtures.title();
		var today = namings.today();
		var naming = NamingFixtures.named(namings, users, PREFECTURE_ADMIN, "R:" + township, title, NamingLevel.PREFECTURE, today);
		var response = mvc.perform(get("/namings/export").param("text", title)
			.with(user(users.loadUserByUsername(PREFECTURE_ADMIN)))).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		var issuer = jdbc.queryForObject("select name from region where code = '5132'", String.class);
		var township_name = jdbc.queryForObject("select name from region where code = ?", String.class, township);
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
			var sheet = workbook.getSheetAt(0);
			var cells = new DataFormatter();
			assertThat(sheet.getLastRowNum()).isEqualTo(1);
			var header = new ArrayList<String>();
			sheet.getRow(0).forEach(cell -> header.add(cells.formatCellValue(cell)));
			assertThat(header).startsWith("称号", "持有者", "类别", "所在地区", "代码", "级别", "命名机关", "状态", "待核查", "申报日期", "命名日期",
					"有效期至", "命名文号");
			var row = sheet.getRow(1);
			assertThat(row.getCell(0).getStringCellValue()).isEqualTo(title);
			assertThat(row.getCell(1).getStringCellValue()).isEqualTo(township_name);
			assertThat(row.getCell(2).getStringCellValue()).isEqualTo("示范区");
			assertThat(row.getCell(3).getStringCellValue()).isEqualTo(township_name);
			assertThat(row.getCell(4).getStringCellValue()).isEqualTo(township);
			assertThat(row.getCell(5).getStringCellValue()).isEqualTo("州级");
			assertThat(row.getCell(6).getStringCellValue()).isEqualTo(issuer);
			assertThat(row.getCell(7).getStringCellValue()).isEqualTo("有效");
			assertThat(row.getCell(8).getStringCellValue()).isEqualTo("否");
			assertThat(row.getCell(10).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(today);
			assertThat(row.getCell(11).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(Validity.until(today, 5));
			assertThat(row.getCell(12).getStringCellValue()).isEqualTo(naming.getDecisionNumber());
		}
	}

	@Test
	void aTitlePastItsLastDayReadsExpiredAndTheSweepWritesItOnce() throws Exception {
		var today = namings.today();
		var ended = new ArrayList<Naming>();
		for (int i = 0; i < 4; i++) {
			var township = NamingFixtures.freshTownship(jdbc, "513221");
			ended.add(NamingFixtures.named(namings, users, PREFECTURE_ADMIN, "R:" + township, "过期测试称号", NamingLevel.PREFECTURE,
					today.minusYears(5)));
		}
		var first = ended.get(0);
		assertThat(first.getValidUntil()).isEqualTo(today.minusDays(1));
		signIn(users, PREFECTURE_ADMIN);
		var expiredQuery = new NamingQuery("过期测试称号", null, null, NamingState.EXPIRED, null, first.getHolderRegionCode(), null);
		var validQuery = new NamingQuery("过期测试称号", null, null, NamingState.VALID, null, first.getHolderRegionCode(), null);
		assertThat(namings.search(expiredQuery, PageRequest.of(0, 20))).extracting(Naming::getId).containsExactly(first.getId());
		assertThat(namings.search(validQuery, PageRequest.of(0, 20))).isEmpty();
		assertThat(jdbc.queryForObject("select state from naming where id = ?", String.class, first.getId())).isEqualTo("VALID");

		// Two nodes sweep at once, then one sweeps again: each title moves once, with one history row.
		var pool = Executors.newFixedThreadPool(2);
		try {
			Callable<Integer> task = () -> sweep.sweep(today);
			var moved = pool.invokeAll(List.of(task, task)).stream().mapToInt(f -> {
				try {
					return f.get();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}).sum();
			assertThat(moved).isGreaterThanOrEqualTo(4);
		}
		finally {
			pool.shutdown();
		}
		assertThat(sweep.sweep(today)).isZero();
		for (var naming : ended) {
			assertThat(jdbc.queryForObject("select state from naming where id = ?", String.class, naming.getId())).isEqualTo("EXPIRED");
			assertThat(jdbc.queryForObject("select count(*) from naming_event where naming_id = ? and action = 'EXPIRE'",
					Long.class, naming.getId())).isEqualTo(1);
			assertThat(jdbc.queryForObject("select on_date from naming_event where naming_id = ? and action = 'EXPIRE'",
					java.time.LocalDate.class, naming.getId())).isEqualTo(today);
		}
		assertThat(namings.search(expiredQuery, PageRequest.of(0, 20))).extracting(Naming::getId).containsExactly(first.getId());
	}

	@Test
	void theRemindersCountWhatIsDue() throws Exception {
		var today = namings.today();
		var township = NamingFixtures.freshTownship(jdbc, "513201");
		// Ends in 20 days; named nearly five years ago, so its mid-term re-check is overdue.
		var soon = NamingFixtures.named(namings, users, PREFECTURE_ADMIN, "R:" + township, "到期提醒测试", NamingLevel.PREFECTURE,
				today.minusYears(5).plusDays(21));
		assertThat(soon.getValidUntil()).isEqualTo(today.plusDays(20));
		// Ends in 100 days, named with a county title too: both in this township.
		var later = NamingFixtures.named(namings, users, NamingFixtures.COUNTY_ADMIN, "R:" + township, "到期提醒测试（县级）",
				NamingLevel.COUNTY, today.minusYears(5).plusDays(101));
		assertThat(later.getValidUntil()).isEqualTo(today.plusDays(100));
		// Named last year: nothing due.
		NamingFixtures.named(namings, users, PREFECTURE_ADMIN, "R:" + township, "到期提醒测试（新）", NamingLevel.PREFECTURE,
				today.minusYears(1));

		var counts = reminders.dueCounts(township, today);
		assertThat(counts).isEqualTo(new NamingReminders.DueCounts(1, 1, 2, 2));

		var page = mvc.perform(get("/namings/due").param("days", "30")
			.with(user(users.loadUserByUsername(PREFECTURE_ADMIN)))).andReturn().getResponse();
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("到期提醒测试");
	}

}
