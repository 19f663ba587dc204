package org.pomegranate.unit.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.unit.certificate.CertificateFixtures.Holder;
import org.pomegranate.unit.naming.HolderKind;
import org.pomegranate.unit.naming.NamingLevel;
import org.pomegranate.unit.naming.NamingState;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 名录 of a township of 黑水县 made for the test: the live titles grouped by level (national
 * first), holder kind and batch, with the counts the page shows; the revoked and the expired ones
 * apart with their dates; renewed titles and applications not at all; the filters; each list
 * longer than a page paged, its counts those of the export's rows; and the export with the same
 * rows, read back with POI, and audited.
 */
@IntegrationTest
class DirectoryTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	MessageSource messages;

	@Autowired
	Clock clock;

	/** Titles of one batch, and revoked ones, more than a page holds. */
	private static final int LIVE_IN_BATCH = 130;

	private static final int MORE_REVOKED = 105;

	private CertificateFixtures fixtures;

	private String township;

	private String admin;

	private LocalDate yesterday;

	@BeforeEach
	void titles() {
		CertificateFixtures.enumLabels(messages);
		fixtures = new CertificateFixtures(jdbc);
		var codes = fixtures.township(CertificateFixtures.COUNTY);
		township = codes[0];
		var village = codes[1];
		admin = fixtures.user("ADMIN", CertificateFixtures.COUNTY);
		yesterday = ChinaTime.today(clock).minusDays(1);
		int year = year();
		var batch = fixtures.batch(CertificateFixtures.PREFECTURE, NamingLevel.PREFECTURE, year, number(),
				"阿府发〔" + year + "〕" + number() + "号");
		var studioA = fixtures.unit("授牌名录甲工作室", village);
		var studioB = fixtures.unit("授牌名录乙工作室", village);
		var family = fixtures.household(village, "王建国", "01", "13800001111", "513228" + "19700101" + suffix());
		var named = LocalDate.of(year, 3, 1);
		var until = named.plusYears(5).minusDays(1);
		fixtures.title(new Holder(HolderKind.UNIT, studioA, village, "授牌名录甲工作室"), "优秀石榴籽工作室", NamingLevel.PREFECTURE,
				CertificateFixtures.PREFECTURE, NamingState.VALID, named, until, "阿府发〔" + year + "〕" + number() + "号", batch, null);
		fixtures.title(new Holder(HolderKind.UNIT, studioB, village, "授牌名录乙工作室"), "优秀石榴籽工作室", NamingLevel.PREFECTURE,
				CertificateFixtures.PREFECTURE, NamingState.UNDER_RECHECK, named, until, "阿府发〔" + year + "〕" + number() + "号", batch, null);
		fixtures.title(new Holder(HolderKind.HOUSEHOLD, family, village, "王建国家庭"), "民族团结进步示范家庭", NamingLevel.COUNTY,
				CertificateFixtures.COUNTY, NamingState.VALID, named.plusDays(10), until.plusDays(10), "黑府发〔" + year + "〕8号",
				null, null);
		fixtures.title(Holder.region(township, "授牌测试乡"), "民族团结进步示范乡镇", NamingLevel.NATIONAL, "51",
				NamingState.RECTIFYING, named, until, "国民委发〔" + year + "〕1号", null, null);
		fixtures.title(new Holder(HolderKind.UNIT, studioB, village, "授牌名录乙工作室"), "民族团结进步示范单位", NamingLevel.COUNTY,
				CertificateFixtures.COUNTY, NamingState.REVOKED, named.minusYears(1), until.minusYears(1),
				"黑府发〔" + (year - 1) + "〕3号", null, LocalDate.of(year, 6, 30));
		fixtures.title(Holder.region(village, "授牌测试村"), "民族团结进步示范村", NamingLevel.COUNTY, CertificateFixtures.COUNTY,
				NamingState.VALID, yesterday.minusYears(5).plusDays(1), yesterday, "黑府发〔旧〕1号", null, null);
		fixtures.title(Holder.region(village, "授牌测试村"), "民族团结进步示范村", NamingLevel.PREFECTURE,
				CertificateFixtures.PREFECTURE, NamingState.RENEWED, named.minusYears(5), until.minusYears(5), "阿府发〔续〕1号",
				null, null);
		fixtures.title(Holder.region(village, "授牌测试村"), "民族团结进步示范村", NamingLevel.PROVINCE, "51", NamingState.APPLIED,
				null, null, null, null, null);
	}

	@Test
	void theLiveTitlesAreGroupedByLevelKindAndBatchAndTheEndedOnesListedApart() throws Exception {
		var year = year();
		var body = page("");

		assertThat(VerificationPageTests.text(body, "directory-region")).isEqualTo("授牌测试乡" + township.substring(6));
		assertThat(VerificationPageTests.text(body, "directory-live-count")).isEqualTo("4");
		var groups = new LinkedHashMap<String, String>();
		groups.put("国家级 · 示范区 · " + year + "年单独命名", "1");
		groups.put("州级 · 示范单位 · " + year + "年第" + number() + "批 · 阿府发〔" + year + "〕" + number() + "号", "2");
		groups.put("县级 · 示范家庭 · " + year + "年单独命名", "1");
		assertThat(groups(body)).containsExactlyEntriesOf(groups);
		assertThat(body).contains("王某家庭").doesNotContain("王建国").doesNotContain("13800001111");
		assertThat(body).doesNotContain("阿府发〔续〕1号").as("renewed: its renewal is listed");

		assertThat(VerificationPageTests.text(body, "directory-revoked-count")).isEqualTo("1");
		assertThat(rows(body, "directory-revoked-table")).containsExactly(List.of("县级", "示范单位", "授牌名录乙工作室",
				"授牌测试村" + township.substring(6), "民族团结进步示范单位", chinese(LocalDate.of(year - 1, 3, 1)),
				chinese(LocalDate.of(year, 6, 30)), "授牌测试撤〔" + year + "〕2号"));
		assertThat(VerificationPageTests.text(body, "directory-expired-count")).isEqualTo("1");
		assertThat(rows(body, "directory-expired-table")).containsExactly(List.of("县级", "示范区", "授牌测试村",
				"授牌测试村" + township.substring(6), "民族团结进步示范村", chinese(yesterday.minusYears(5).plusDays(1)),
				chinese(yesterday)));
	}

	@Test
	void theFiltersNarrowTheList() throws Exception {
		var byLevel = page("&level=PREFECTURE");
		assertThat(groups(byLevel)).containsOnlyKeys("州级 · 示范单位 · " + year() + "年第" + number() + "批 · 阿府发〔" + year() + "〕" + number() + "号");
		assertThat(VerificationPageTests.text(byLevel, "directory-revoked-count")).isEqualTo("0");
		var byKind = page("&holderKind=HOUSEHOLD");
		assertThat(groups(byKind)).containsExactly(Map.entry("县级 · 示范家庭 · " + year() + "年单独命名", "1"));
		var byYear = page("&batchYear=" + (year() - 1));
		assertThat(VerificationPageTests.text(byYear, "directory-live-count")).isEqualTo("0");
		assertThat(VerificationPageTests.text(byYear, "directory-revoked-count")).isEqualTo("1");
	}

	@Test
	void aRegionOutsideTheScopeIsNotFound() throws Exception {
		var response = mvc.perform(get("/namings/directory?region=513227").with(user(users.loadUserByUsername(admin))))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(404);
	}

	@Test
	void theExportHasTheSameRows() throws Exception {
		var year = year();
		var rows = export("");
		assertThat(rows.get(0)).containsExactly("分类", "级别", "类别", "批次", "批次文号", "名称", "所在地区", "称号", "命名日期", "有效期至",
				"状态", "撤销日期", "撤销文号");
		var village = "授牌测试村" + township.substring(6);
		var named = LocalDate.of(year, 3, 1);
		var until = named.plusYears(5).minusDays(1);
		assertThat(rows.subList(1, rows.size())).containsExactly(
				List.of("有效命名", "国家级", "示范区", year + "年单独命名", "国民委发〔" + year + "〕1号", "授牌测试乡",
						"授牌测试乡" + township.substring(6), "民族团结进步示范乡镇", named.toString(), until.toString(), "限期整改", "", ""),
				List.of("有效命名", "州级", "示范单位", year + "年第" + number() + "批", "阿府发〔" + year + "〕" + number() + "号", "授牌名录乙工作室", village, "优秀石榴籽工作室",
						named.toString(), until.toString(), "复查中", "", ""),
				List.of("有效命名", "州级", "示范单位", year + "年第" + number() + "批", "阿府发〔" + year + "〕" + number() + "号", "授牌名录甲工作室", village, "优秀石榴籽工作室",
						named.toString(), until.toString(), "有效", "", ""),
				List.of("有效命名", "县级", "示范家庭", year + "年单独命名", "黑府发〔" + year + "〕8号", "王某家庭", village, "民族团结进步示范家庭",
						named.plusDays(10).toString(), until.plusDays(10).toString(), "有效", "", ""),
				List.of("已撤销", "县级", "示范单位", (year - 1) + "年单独命名", "黑府发〔" + (year - 1) + "〕3号", "授牌名录乙工作室", village,
						"民族团结进步示范单位", named.minusYears(1).toString(), until.minusYears(1).toString(), "已撤销",
						LocalDate.of(year, 6, 30).toString(), "授牌测试撤〔" + year + "〕2号"),
				List.of("已到期", "县级", "示范区", yesterday.minusYears(5).plusDays(1).getYear() + "年单独命名", "黑府发〔旧〕1号", "授牌测试村",
						village, "民族团结进步示范村", yesterday.minusYears(5).plusDays(1).toString(), yesterday.toString(), "已到期", "",
						""));
	}

	@Test
	void aListLongerThanAPageIsPagedAndTheCountsAreTheExportsRows() throws Exception {
		var village = township + "001";
		var batch = fixtures.batch("51", NamingLevel.PROVINCE, year(), number(), "川府发〔" + year() + "〕" + number() + "号");
		var named = LocalDate.of(year(), 5, 1);
		for (int i = 0; i < LIVE_IN_BATCH; i++) {
			fixtures.title(Holder.region(village, "授牌分页村" + i), "分页示范称号" + i, NamingLevel.PROVINCE, "51",
					NamingState.VALID, named, named.plusYears(5).minusDays(1), "川府发〔" + year() + "〕" + number() + "号", batch,
					null);
		}
		for (int i = 0; i < MORE_REVOKED; i++) {
			fixtures.title(Holder.region(village, "授牌撤销村" + i), "撤销示范称号" + i, NamingLevel.COUNTY,
					CertificateFixtures.COUNTY, NamingState.REVOKED, named.minusYears(1), named.plusYears(4),
					"黑府发〔撤〕" + i + "号", null, LocalDate.of(year(), 1, 1).plusDays(i));
		}
		int live = 4 + LIVE_IN_BATCH;
		int revoked = 1 + MORE_REVOKED;
		assertThat(live).isGreaterThan(TitleDirectory.PAGE_SIZE);
		assertThat(revoked).isGreaterThan(TitleDirectory.PAGE_SIZE);

		var first = page("");
		var second = page("&page=1");
		var province = "省级 · 示范区 · " + year() + "年第" + number() + "批 · 川府发〔" + year() + "〕" + number() + "号";
		var prefecture = "州级 · 示范单位 · " + year() + "年第" + number() + "批 · 阿府发〔" + year() + "〕" + number() + "号";
		var county = "县级 · 示范家庭 · " + year() + "年单独命名";
		var national = "国家级 · 示范区 · " + year() + "年单独命名";
		assertThat(groups(first)).containsExactly(Map.entry(national, "1"), Map.entry(province, String.valueOf(LIVE_IN_BATCH)));
		assertThat(groups(second)).containsExactly(Map.entry(province, String.valueOf(LIVE_IN_BATCH)), Map.entry(prefecture, "2"),
				Map.entry(county, "1"));
		assertThat(first).containsPattern("data-parameter=\"page\"[^>]*>\\s*<span[^>]*>\\s*第 1 / 2 页 · 共 " + live + " 条")
			.containsPattern("href=\"[^\"]*region=" + township + "[^\"]*[?;]page=1\"")
			.containsPattern("href=\"[^\"]*[?;]revokedPage=1\"");
		assertThat(liveRows(first)).hasSize(TitleDirectory.PAGE_SIZE);
		assertThat(liveRows(second)).hasSize(live - TitleDirectory.PAGE_SIZE);
		assertThat(first).contains("本页列出本组第1至" + (TitleDirectory.PAGE_SIZE - 1) + "条，共" + LIVE_IN_BATCH + "条");
		assertThat(second).contains("本页列出本组第" + TitleDirectory.PAGE_SIZE + "至" + LIVE_IN_BATCH + "条，共" + LIVE_IN_BATCH + "条");
		for (var body : List.of(first, second)) {
			assertThat(VerificationPageTests.text(body, "directory-live-count")).isEqualTo(String.valueOf(live));
			assertThat(VerificationPageTests.text(body, "directory-revoked-count")).isEqualTo(String.valueOf(revoked));
			assertThat(VerificationPageTests.text(body, "directory-expired-count")).isEqualTo("1");
		}
		var firstRevoked = rows(first, "directory-revoked-table");
		var secondRevoked = rows(page("&revokedPage=1"), "directory-revoked-table");
		assertThat(firstRevoked).hasSize(TitleDirectory.PAGE_SIZE);
		assertThat(secondRevoked).hasSize(revoked - TitleDirectory.PAGE_SIZE);
		var beyond = page("&page=2");
		assertThat(liveRows(beyond)).isEmpty();
		assertThat(VerificationPageTests.text(beyond, "directory-live-count")).isEqualTo(String.valueOf(live));

		var rows = export("");
		var exported = rows.subList(1, rows.size());
		var bySection = new LinkedHashMap<String, Long>();
		exported.forEach(row -> bySection.merge(row.get(0), 1L, Long::sum));
		assertThat(bySection).containsExactly(Map.entry("有效命名", (long) live), Map.entry("已撤销", (long) revoked),
				Map.entry("已到期", 1L));
		var byBatch = new LinkedHashMap<String, Long>();
		exported.stream()
			.filter(row -> row.get(0).equals("有效命名"))
			.forEach(row -> byBatch.merge(row.get(1) + " · " + row.get(2) + " · " + row.get(3)
					+ (row.get(3).contains("第") ? " · " + row.get(4) : ""), 1L, Long::sum));
		var shownCounts = new LinkedHashMap<String, Long>();
		groups(first).forEach((group, count) -> shownCounts.put(group, Long.parseLong(count)));
		groups(second).forEach((group, count) -> shownCounts.put(group, Long.parseLong(count)));
		assertThat(shownCounts).containsExactlyEntriesOf(byBatch);

		// The pages list the rows the export has, in its order: holder and title of each.
		var paged = new ArrayList<List<String>>();
		liveRows(first).forEach(row -> paged.add(List.of(row.get(0), row.get(2))));
		liveRows(second).forEach(row -> paged.add(List.of(row.get(0), row.get(2))));
		assertThat(paged).containsExactlyElementsOf(exported.stream()
			.filter(row -> row.get(0).equals("有效命名"))
			.map(row -> List.of(row.get(5), row.get(7)))
			.toList());
		var pagedRevoked = new ArrayList<List<String>>();
		firstRevoked.forEach(row -> pagedRevoked.add(List.of(row.get(2), row.get(4), row.get(6))));
		secondRevoked.forEach(row -> pagedRevoked.add(List.of(row.get(2), row.get(4), row.get(6))));
		assertThat(pagedRevoked).containsExactlyElementsOf(exported.stream()
			.filter(row -> row.get(0).equals("已撤销"))
			.map(row -> List.of(row.get(5), row.get(7), chinese(LocalDate.parse(row.get(11)))))
			.toList());
	}

	@Test
	void theExportIsAudited() throws Exception {
		var before = exportsAudited();
		var rows = export("");
		assertThat(rows).hasSize(1 + 6);
		assertThat(exportsAudited()).hasSize(before.size() + 1);
		assertThat(exportsAudited().get(0)).isEqualTo("命名名录 " + township + "：6 项");

		var refused = mvc.perform(get("/namings/directory/export?region=513227").with(user(users.loadUserByUsername(admin))))
			.andReturn()
			.getResponse();
		assertThat(refused.getStatus()).isEqualTo(404);
		assertThat(refused.getHeader("Content-Disposition")).isNull();
		assertThat(exportsAudited()).hasSize(before.size() + 1);
	}

	/** The summaries of the admin's audited directory exports, newest first. */
	private List<String> exportsAudited() {
		return jdbc.queryForList("""
				select summary from audit_event where username = ? and action = 'EXPORT' and entity_type = 'Naming'
				  and entity_id = 'directory' and outcome = 'SUCCESS' order by id desc""", String.class, admin);
	}

	/** The export of the township's list with {@code filters}, read back with POI: every row's first 13 cells as text. */
	private List<List<String>> export(String filters) throws Exception {
		var response = mvc.perform(get("/namings/directory/export?region=" + township + filters)
			.with(user(users.loadUserByUsername(admin)))).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getHeader("Content-Disposition")).contains(".xlsx");
		var rows = new ArrayList<List<String>>();
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
			var formatter = new DataFormatter();
			for (var row : workbook.getSheetAt(0)) {
				var cells = new ArrayList<String>();
				for (int i = 0; i < 13; i++) {
					Cell cell = row.getCell(i);
					cells.add(cell == null ? "" : cell.getCellType() == CellType.NUMERIC
							? cell.getLocalDateTimeCellValue().toLocalDate().toString() : formatter.formatCellValue(cell));
				}
				rows.add(cells);
			}
		}
		return rows;
	}

	/** The cells of the live groups' rows on a page, in order. */
	private static List<List<String>> liveRows(String html) {
		var live = html.substring(html.indexOf("id=\"directory-live\""), html.indexOf("id=\"directory-revoked\""));
		var rows = new ArrayList<List<String>>();
		var row = Pattern.compile("<tr data-naming=\"\\d+\">(.*?)</tr>", Pattern.DOTALL).matcher(live);
		while (row.find()) {
			var cells = new ArrayList<String>();
			var cell = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(row.group(1));
			while (cell.find()) {
				cells.add(cell.group(1).strip());
			}
			rows.add(cells);
		}
		return rows;
	}

	/** Last year: the titles named then are live, whatever today is. */
	private int year() {
		return ChinaTime.today(clock).getYear() - 1;
	}

	/** The batch's number: the township's own, so that no two test runs' batches collide. */
	private int number() {
		return Integer.parseInt(township.substring(6));
	}

	private String page(String filters) throws Exception {
		var response = mvc.perform(get("/namings/directory?region=" + township + filters)
			.with(user(users.loadUserByUsername(admin)))).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString();
	}

	/** Each group's heading as the page shows it → its count. */
	private static Map<String, String> groups(String html) {
		var groups = new LinkedHashMap<String, String>();
		var matcher = Pattern.compile(
				"<span class=\"directory-group-name\">(.*?)</span>\\s*<span class=\"badge[^\"]*directory-group-count\">(\\d+)</span>",
				Pattern.DOTALL)
			.matcher(html);
		while (matcher.find()) {
			groups.put(matcher.group(1).replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip(), matcher.group(2));
		}
		return groups;
	}

	/** The cells of a table's body rows. */
	private static List<List<String>> rows(String html, String id) {
		var table = Pattern.compile("id=\"" + id + "\".*?<tbody>(.*?)</tbody>", Pattern.DOTALL).matcher(html);
		assertThat(table.find()).as("table #%s", id).isTrue();
		var rows = new ArrayList<List<String>>();
		var row = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(table.group(1));
		while (row.find()) {
			var cells = new ArrayList<String>();
			var cell = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(row.group(1));
			while (cell.find()) {
				cells.add(cell.group(1).strip());
			}
			rows.add(cells);
		}
		return rows;
	}

	private static String chinese(LocalDate date) {
		return VerificationPageTests.chinese(date);
	}

	private static String suffix() {
		return String.format("%04d", (int) (System.nanoTime() % 10_000));
	}

}
