package org.pomegranate.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.figures.Period;
import org.pomegranate.pairing.Coverage;
import org.pomegranate.petition.PetitionRows;
import org.pomegranate.report.monthly.ReportData;
import org.pomegranate.report.monthly.ReportService;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.IdNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.json.JsonMapper;

/**
 * Shares, past periods and the period pickers of the monthly report and the dashboards, on
 * townships of 九龙县 no other test touches (issue 10, items 3, 6 and 7):
 * <ul>
 * <li>a share is stored in the .xlsx as its exact ratio in a {@code 0.0%} cell, blank where
 * there is nothing to share;</li>
 * <li>a report or dashboard of a past period counts coverage as of the period's last day and
 * says so (截至…), the current one as of today;</li>
 * <li>any month, quarter or year since the first record can be chosen, and nothing else.</li>
 * </ul>
 */
@IntegrationTest
@WithUserDetails("gz_admin")
class ReportPeriodsTests {

	static final String SHARES = "513324981";

	static final String SHARES_VILLAGE = "513324981001";

	static final String PAST = "513324982";

	static final String PAST_VILLAGE = "513324982001";

	static final String EARLY = "513324983";

	static final String EARLY_VILLAGE = "513324983001";

	@Autowired
	ReportService reports;

	@Autowired
	Coverage coverage;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JsonMapper json;

	/** 43 of 144 target households paired, 1 of 3 rated petitions satisfied, a program without targets. */
	@Test
	void aShareIsItsExactRatioInAPercentCellAndBlankWhereThereIsNothingToShare() throws Exception {
		region(SHARES, "比率测试乡", "TOWNSHIP", "513324");
		region(SHARES_VILLAGE, "比率村", "VILLAGE", SHARES);
		program("比率测试计划", SHARES, 16);
		program("比率无目标计划", SHARES, 2);
		cadre("比率测试干部", SHARES);
		var ids = new ArrayList<Object[]>();
		for (int i = 0; i < 144; i++) {
			ids.add(new Object[] { "比率户" + i, IdNumber.withCheckCharacter("51332419910505" + String.format("%03d", i)) });
		}
		jdbc.batchUpdate("""
				insert into household (head_name, id_number, ethnicity, region_code, member_count, categories)
				values (?, ?, '04', '513324981001', 2, 16)""", ids);
		jdbc.update("""
				insert into pairing (program_id, cadre_id, household_id, region_code, started_on)
				select (select id from pairing_program where name = '比率测试计划'), (select id from cadre where name = '比率测试干部'),
				       id, region_code, current_date
				from household where head_name like '比率户%' order by household.id limit 43""");
		var today = ChinaTime.today(java.time.Clock.systemUTC());
		var day = today.withDayOfMonth(1).toString();
		var ratings = List.of("SATISFIED", "DISSATISFIED", "DISSATISFIED");
		for (int i = 0; i < ratings.size(); i++) {
			var rating = ratings.get(i);
			PetitionRows.aPetitionRow("513324-1971-00001" + i)
				.pushed()
				.accepted()
				.in(SHARES_VILLAGE)
				.receivedOn(day)
				.inState("ARCHIVED")
				.withOutcome("SOLVED")
				.ratedAs(rating)
				.closedOn(day)
				.insert(jdbc);
		}
		var draft = reports.openDraft(SHARES, Period.month(YearMonth.from(today)));

		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(reports.xlsx(draft.getId()).data()))) {
			var covered = cell(workbook.getSheet("结对覆盖"), "比率测试计划", 4);
			assertThat(covered.getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(covered.getNumericCellValue()).isCloseTo(43.0 / 144, within(1e-9));
			assertThat(covered.getCellStyle().getDataFormatString()).isEqualTo("0.0%");
			assertThat(cell(workbook.getSheet("结对覆盖"), "比率无目标计划", 4).getCellType()).isEqualTo(CellType.BLANK);

			var satisfaction = cell(workbook.getSheet("汇总"), "满意率", 1);
			assertThat(satisfaction.getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(satisfaction.getNumericCellValue()).isCloseTo(1.0 / 3, within(1e-9));
			assertThat(satisfaction.getCellStyle().getDataFormatString()).isEqualTo("0.0%");
			// Nothing rated last year: nothing to share, an empty cell, not 0.0%.
			assertThat(cell(workbook.getSheet("汇总"), "满意率", 4).getCellType()).isEqualTo(CellType.BLANK);
			assertThat(cell(workbook.getSheet("汇总"), "满意率", 5).getCellType()).isEqualTo(CellType.BLANK);
		}
	}

	/**
	 * A program of 5 households registered in 2023 (a sixth in 2024) whose pairings start and end at
	 * known days: as of 30 June 2023 H1 (since March) and H4 (since that day) are paired, H2 ended
	 * on 15 June, H5 on the day itself, H3 starts in July; H1 was last visited in May, more than
	 * 30 days before, so it is overdue. Today H1, H3 and H4 are paired of 6, all three overdue.
	 */
	@Test
	void aPastPeriodCountsCoverageAsOfItsLastDayAndSaysSo() throws Exception {
		region(PAST, "截至测试乡", "TOWNSHIP", "513324");
		region(PAST_VILLAGE, "截至村", "VILLAGE", PAST);
		long program = program("截至测试计划", PAST, 16);
		cadre("截至测试干部", PAST);
		for (int i = 1; i <= 6; i++) {
			jdbc.update("""
					insert into household (head_name, id_number, ethnicity, region_code, member_count, categories, created_at)
					values (?, ?, '04', ?, 2, 16, ?::timestamptz)""", "截至户" + i,
					IdNumber.withCheckCharacter("51332419920606" + String.format("%03d", i)), PAST_VILLAGE,
					i < 6 ? "2023-01-01T08:00:00+08:00" : "2024-01-01T08:00:00+08:00");
		}
		pairing("截至户1", "2023-03-10", null);
		pairing("截至户2", "2023-05-01", "2023-06-15");
		pairing("截至户3", "2023-07-05", null);
		pairing("截至户4", "2023-06-30", null);
		pairing("截至户5", "2023-01-10", "2023-06-30");
		visit("截至户1", "2023-05-20");
		visit("截至户1", "2023-07-10");

		var june = Period.parse("2023-06");
		var asOfJune = coverage.of(program, PAST, june.to()).total();
		assertThat(List.of(asOfJune.target(), asOfJune.paired(), asOfJune.overdue())).containsExactly(5L, 2L, 1L);
		assertThat(asOfJune.coveragePercent()).isEqualTo(40.0);
		var today = ChinaTime.today(java.time.Clock.systemUTC());
		var now = coverage.of(program, PAST, today).total();
		assertThat(List.of(now.target(), now.paired(), now.overdue())).containsExactly(6L, 3L, 3L);

		var pastDraft = reports.openDraft(PAST, june);
		assertThat(paragraphs(reports.docx(pastDraft.getId()).data())).anySatisfy(p -> assertThat(p)
			.contains("（二）联谊结对。截至2023年6月30日，").contains("“截至测试计划”目标家庭5户，已结对2户，覆盖率40.0%，逾期未走访1户；"));
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(reports.xlsx(pastDraft.getId()).data()))) {
			var sheet = workbook.getSheet("结对覆盖");
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("截至2023年6月30日");
			assertThat(texts(sheet, "截至测试计划")).containsExactly("截至测试计划", "5", "2", "3", "40.0%", "1");
			assertThat(cell(sheet, "截至测试计划", 4).getNumericCellValue()).isCloseTo(0.4, within(1e-9));
			assertThat(firstColumn(workbook.getSheet("汇总"))).contains("结对覆盖率（截至2023年6月30日）");
		}
		// The current month stands as of today, from the live figures.
		var todayText = Period.day(today);
		var currentDraft = reports.openDraft(PAST, Period.month(YearMonth.from(today)));
		assertThat(paragraphs(reports.docx(currentDraft.getId()).data())).anySatisfy(p -> assertThat(p)
			.contains("（二）联谊结对。截至" + todayText + "，").contains("“截至测试计划”目标家庭6户，已结对3户，覆盖率50.0%，逾期未走访3户；"));

		var page = mvc.perform(get("/reports/{id}", pastDraft.getId()).with(as("gz_admin"))).andReturn().getResponse();
		assertThat(page.getContentAsString()).contains("结对覆盖率（截至2023年6月30日）")
			.contains("截至2023年6月30日，“截至测试计划”目标家庭5户");

		// The dashboard of June 2023 shows June's coverage and says as of which day.
		var dashboard = mvc.perform(get("/dashboard").param("region", PAST).param("period", "2023-06")
			.param("program", String.valueOf(program)).with(as("gz_supervisor"))).andReturn().getResponse();
		assertThat(dashboard.getStatus()).isEqualTo(200);
		var tile = tile(dashboard.getContentAsString(), "pairing-coverage");
		assertThat(tile).contains("40.0%").contains("截至2023年6月30日");
		var ranking = dashboard.getContentAsString().substring(dashboard.getContentAsString().indexOf("id=\"ranking\""));
		assertThat(ranking.substring(0, ranking.indexOf("</thead>"))).contains("截至2023年6月30日");
		assertThat(ranking).contains("截至村").contains("40.0%");
		var current = mvc.perform(get("/dashboard").param("region", PAST).param("program", String.valueOf(program))
			.with(as("gz_supervisor"))).andReturn().getResponse();
		assertThat(tile(current.getContentAsString(), "pairing-coverage")).contains("50.0%").contains("截至" + todayText);
	}

	/** A report frozen before the day of a standing figure was kept reads it as its generation day. */
	@Test
	void aReportFrozenBeforeReadsItsStandingFiguresAsOfItsGenerationDay() {
		var data = json.readValue("""
				{"regionCode": "513301", "regionName": "康定市", "periodCode": "2024-02", "periodLabel": "2024年2月",
				 "generatedOn": "2024-03-02",
				 "summary": [{"key": "figure.pairing.coverage", "label": "结对覆盖率", "percent": true, "current": 66.7,
				              "asOfToday": true}],
				 "childColumns": [], "children": [], "coverage": [], "visits": []}""", ReportData.class);
		assertThat(data.summary().get(0).standing()).isTrue();
		assertThat(data.label(data.summary().get(0))).isEqualTo("结对覆盖率（截至2024年3月2日）");
		assertThat(data.coverageDay()).isEqualTo(java.time.LocalDate.of(2024, 3, 2));
	}

	/**
	 * With a petition of March 2019 as the first record, the pickers offer every year since 2019
	 * with each month, quarter and the whole year; March 2019 and a month two years and a half back
	 * open with their figures; a period after this month or malformed is refused with a message.
	 */
	@Test
	void anyMonthQuarterOrYearSinceTheFirstRecordCanBeChosen() throws Exception {
		region(EARLY, "早期测试乡", "TOWNSHIP", "513324");
		region(EARLY_VILLAGE, "早期村", "VILLAGE", EARLY);
		PetitionRows.aPetitionRow("513324-1971-000099").pushed().accepted().in(EARLY_VILLAGE).receivedOn("2019-03-15")
			.inState("ARCHIVED").withOutcome("SOLVED").closedOn("2019-03-20").titled("早期诉求").insert(jdbc);
		var today = ChinaTime.today(java.time.Clock.systemUTC());
		var admin = as("gz_admin");

		var list = mvc.perform(get("/reports").with(admin)).andReturn().getResponse().getContentAsString();
		var years = options(list, "report-year");
		assertThat(years).contains("2019", String.valueOf(today.getYear()));
		for (int year = 2019; year <= today.getYear(); year++) {
			assertThat(years).contains(String.valueOf(year));
		}
		assertThat(options(list, "report-part")).containsExactly("Y", "Q1", "Q2", "Q3", "Q4", "1", "2", "3", "4", "5", "6",
				"7", "8", "9", "10", "11", "12");

		var opened = mvc.perform(post("/reports").param("region", EARLY).param("year", "2019").param("part", "3")
			.with(admin).with(csrf())).andReturn().getResponse();
		assertThat(opened.getStatus()).isEqualTo(302);
		var report = mvc.perform(get(opened.getRedirectedUrl()).with(admin)).andReturn().getResponse().getContentAsString();
		assertThat(report).contains("早期测试乡2019年3月民族团结进步创建工作情况汇报").contains("收集困难诉求1件");
		var longAgo = YearMonth.from(today).minusMonths(30);
		var older = mvc.perform(post("/reports").param("region", EARLY).param("year", String.valueOf(longAgo.getYear()))
			.param("part", String.valueOf(longAgo.getMonthValue())).with(admin).with(csrf())).andReturn().getResponse();
		assertThat(older.getStatus()).isEqualTo(302);
		var quarter = mvc.perform(post("/reports").param("region", EARLY).param("year", "2019").param("part", "Q1")
			.with(admin).with(csrf())).andReturn().getResponse();
		assertThat(mvc.perform(get(quarter.getRedirectedUrl()).with(admin)).andReturn().getResponse().getContentAsString())
			.contains("早期测试乡2019年第一季度民族团结进步创建工作情况汇报").contains("收集困难诉求1件");

		var future = mvc.perform(post("/reports").param("region", EARLY).param("year", String.valueOf(today.getYear() + 1))
			.param("part", "Y").with(admin).with(csrf())).andReturn().getResponse();
		assertThat(future.getStatus()).isEqualTo(422);
		assertThat(future.getContentAsString()).contains("只能选择").contains("之间的期间");
		for (var bad : List.of(new String[] { "2019", "13" }, new String[] { "２０１９", "3" }, new String[] { "19", "Q5" })) {
			var refused = mvc.perform(post("/reports").param("region", EARLY).param("year", bad[0]).param("part", bad[1])
				.with(admin).with(csrf())).andReturn().getResponse();
			assertThat(refused.getStatus()).as(String.join("/", bad)).isEqualTo(422);
			assertThat(refused.getContentAsString()).as(String.join("/", bad)).contains("统计期间不正确");
		}

		var supervisor = as("gz_supervisor");
		var dashboard = mvc.perform(get("/dashboard").param("region", EARLY).param("year", "2019").param("part", "3")
			.with(supervisor)).andReturn().getResponse();
		assertThat(dashboard.getStatus()).isEqualTo(200);
		var html = dashboard.getContentAsString();
		assertThat(html).contains("早期测试乡 2019年3月 工作概况");
		assertThat(tile(html, "petitions-collected")).contains(">1<");
		assertThat(options(html, "period-year")).contains("2019", String.valueOf(today.getYear()));
		assertThat(selected(html, "period-year")).isEqualTo("2019");
		assertThat(selected(html, "period-part")).isEqualTo("3");
		var staffHome = mvc.perform(get("/").param("year", String.valueOf(longAgo.getYear()))
			.param("part", "Q" + ((longAgo.getMonthValue() - 1) / 3 + 1)).with(as("kd_staff"))).andReturn().getResponse();
		assertThat(staffHome.getStatus()).isEqualTo(200);
		assertThat(options(staffHome.getContentAsString(), "period-year")).contains("2019");
		var refused = mvc.perform(get("/dashboard").param("region", EARLY).param("period", (today.getYear() + 1) + "-01")
			.with(supervisor)).andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString()).contains("只能选择");
	}

	private long program(String name, String region, int categories) {
		jdbc.update("""
				insert into pairing_program (name, region_code, target_categories, cadre_levels, min_households,
				                             max_households, visit_interval_days)
				values (?, ?, ?, 31, 0, 200, 30)""", name, region, categories);
		return jdbc.queryForObject("select id from pairing_program where name = ?", Long.class, name);
	}

	private void cadre(String name, String region) {
		jdbc.update("insert into cadre (name, gender, ethnicity, level, region_code) values (?, 'FEMALE', '04', 'GENERAL', ?)",
				name, region);
	}

	private void pairing(String household, String startedOn, String endedOn) {
		jdbc.update("""
				insert into pairing (program_id, cadre_id, household_id, region_code, started_on, ended_on)
				select (select id from pairing_program where name = '截至测试计划'), (select id from cadre where name = '截至测试干部'),
				       id, region_code, ?::date, ?::date
				from household where head_name = ?""", startedOn, endedOn, household);
	}

	private void visit(String household, String on) {
		jdbc.update("""
				insert into visit (pairing_id, household_id, region_code, visited_on, kind, visitors, created_by)
				select p.id, p.household_id, p.region_code, ?::date, 'HOME_VISIT', '截至测试干部', 'test'
				from pairing p join household h on h.id = p.household_id where h.head_name = ?""", on, household);
	}

	private void region(String code, String name, String level, String parent) {
		jdbc.update("insert into region (code, name, level, parent_code) values (?, ?, ?, ?) on conflict do nothing", code,
				name, level, parent);
	}

	private RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	/** The option values of a select, in order. */
	private static List<String> options(String html, String id) {
		var select = Pattern.compile("<select[^>]*id=\"" + id + "\"[^>]*>(.*?)</select>", Pattern.DOTALL).matcher(html);
		assertThat(select.find()).as("select " + id).isTrue();
		var values = new ArrayList<String>();
		var option = Pattern.compile("<option[^>]*value=\"([^\"]*)\"").matcher(select.group(1));
		while (option.find()) {
			values.add(option.group(1));
		}
		return values;
	}

	private static String selected(String html, String id) {
		var select = Pattern.compile("<select[^>]*id=\"" + id + "\"[^>]*>(.*?)</select>", Pattern.DOTALL).matcher(html);
		assertThat(select.find()).as("select " + id).isTrue();
		var option = Pattern.compile("<option[^>]*value=\"([^\"]*)\"[^>]*selected").matcher(select.group(1));
		assertThat(option.find()).as("selected in " + id).isTrue();
		return option.group(1);
	}

	/** The text of a dashboard tile's card. */
	private static String tile(String html, String name) {
		int start = html.indexOf("id=\"tile-" + name + "\"");
		assertThat(start).as("tile " + name).isPositive();
		int next = html.indexOf("id=\"tile-", start + 1);
		return html.substring(start, next > 0 ? next : Math.min(html.length(), start + 2000));
	}

	private static Cell cell(Sheet sheet, String first, int column) {
		for (Row row : sheet) {
			var cell = row.getCell(0);
			if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().startsWith(first)) {
				var found = row.getCell(column);
				return found != null ? found : row.createCell(column);
			}
		}
		throw new AssertionError("no row " + first + " in " + sheet.getSheetName());
	}

	private static List<String> texts(Sheet sheet, String first) {
		var formatter = new org.apache.poi.ss.usermodel.DataFormatter();
		for (Row row : sheet) {
			var cell = row.getCell(0);
			if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(first)) {
				var values = new ArrayList<String>();
				for (int c = 0; c < row.getLastCellNum(); c++) {
					values.add(row.getCell(c) == null ? "" : formatter.formatCellValue(row.getCell(c)));
				}
				return values;
			}
		}
		throw new AssertionError("no row " + first);
	}

	private static List<String> firstColumn(Sheet sheet) {
		var values = new ArrayList<String>();
		for (Row row : sheet) {
			if (row.getCell(0) != null && row.getCell(0).getCellType() == CellType.STRING) {
				values.add(row.getCell(0).getStringCellValue());
			}
		}
		return values;
	}

	private static List<String> paragraphs(byte[] docx) throws Exception {
		try (var document = new XWPFDocument(new ByteArrayInputStream(docx))) {
			return document.getParagraphs().stream().map(p -> p.getText()).toList();
		}
	}

}
