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
 * apart with their dates; renewed titles and applications not at all; the filters; and the export
 * with the same rows, read back with POI.
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

	private String township;

	private String admin;

	private LocalDate yesterday;

	@BeforeEach
	void titles() {
		CertificateFixtures.enumLabels(messages);
		var fixtures = new CertificateFixtures(jdbc);
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
		var response = mvc.perform(get("/namings/directory/export?region=" + township).with(user(users.loadUserByUsername(admin))))
			.andReturn()
			.getResponse();
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
