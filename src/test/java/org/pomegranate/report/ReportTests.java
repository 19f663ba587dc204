package org.pomegranate.report;

import org.pomegranate.report.monthly.MonthlyDrafts;
import org.pomegranate.report.monthly.MonthlyReport;
import org.pomegranate.report.monthly.ReportService;
import org.pomegranate.report.monthly.ReportState;
import org.pomegranate.report.monthly.ReportSummary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.FirstRecord;
import org.pomegranate.IntegrationTest;
import org.pomegranate.account.AccountService;
import org.pomegranate.figures.Period;
import org.pomegranate.petition.PetitionRows;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.IdNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The monthly report against data counted by hand in a township of 九龙县 no other test touches:
 *
 * <pre>
 * petitions  Feb 2024  上村 A 已解决 满意   上村 B 政策解答 基本满意   下村 C 无法解决   下村 D 办理中 (title "=HYPERLINK…")
 *            Jan 2024  上村 E 已解决 满意          Feb 2023  下村 F 已解决
 * pairing    "汇报测试计划", 3 流动人口 households, 2 paired; visits in Feb 2024: 1 入户走访, 1 电话联系;
 *            registered and paired before 2024; as of 29 February only 汇报户3 is overdue (its visit came in March)
 * </pre>
 *
 * Collected 4, solved 2 of which 1 policy, open 1, overdue 0, satisfaction 100.0%; the year to
 * February 5, 3 and 1; January 1; February 2023 1.
 */
@IntegrationTest
@WithUserDetails("gz_admin")
class ReportTests {

	static final String TOWNSHIP = "513324994";

	static final String UPPER = "513324994001";

	static final String LOWER = "513324994002";

	static final Period FEBRUARY = Period.parse("2024-02");

	@Autowired
	ReportService reports;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	/** Periods from 2023 on may be asked for, whichever test ran first. */
	@BeforeEach
	void recordsSince2023() {
		FirstRecord.of2023(jdbc);
	}

	@Test
	void theFilesCarryTheHandCountedFiguresAndAFrozenReportNeverChanges() throws Exception {
		handCountedData();
		var draft = reports.openDraft(TOWNSHIP, FEBRUARY);
		assertThat(reports.openDraft(TOWNSHIP, FEBRUARY).getId()).isEqualTo(draft.getId());
		draft = reports.writeNarrative(draft.getId(), draft.getVersion(), "一是宣传教育还不够深入。\n二是个别村走访不及时。",
				"一是提高政治站位。\n二是抓实走访。");

		var docx = paragraphs(reports.docx(draft.getId()).data());
		assertThat(docx.get(0)).isEqualTo("汇报测试乡2024年2月民族团结进步创建工作情况汇报");
		assertThat(docx).containsSubsequence("一、工作开展情况",
				"（一）纾困解难。2024年2月，汇报测试乡收集困难诉求4件、解决2件，政策解答1件，无法解决1件；尚未办结1件，其中逾期0件；群众满意率100.0%。"
						+ "今年以来累计收集困难诉求5件、解决3件，政策解答1件，无法解决1件。化解信访积案0个；截至"
						+ Period.day(LocalDate.now(ChinaTime.ZONE)) + "，尚有在办信访积案0个。",
				"（二）联谊结对。截至2024年2月29日，“汇报测试计划”目标家庭3户，已结对2户，覆盖率66.7%，逾期未走访1户；2024年2月共走访2次，其中入户走访1次、电话联系1次。",
				"二、存在的问题", "一是宣传教育还不够深入。", "二是个别村走访不及时。", "三、下一步工作打算", "一是提高政治站位。", "二是抓实走访。");
		try (var document = new XWPFDocument(new ByteArrayInputStream(reports.docx(draft.getId()).data()))) {
			var section = document.getDocument().getBody().getSectPr();
			assertThat(section.getPgSz().getW()).isEqualTo(java.math.BigInteger.valueOf(11906));
			assertThat(section.getPgMar().getTop()).isEqualTo(java.math.BigInteger.valueOf(2098));
			assertThat(section.getPgMar().getLeft()).isEqualTo(java.math.BigInteger.valueOf(1587));
			var body = document.getParagraphs().get(3).getRuns().get(0);
			assertThat(body.getFontSizeAsDouble()).isEqualTo(16.0);
			assertThat(body.getCTR().getRPr().getRFontsArray(0).getEastAsia()).isEqualTo("仿宋_GB2312");
		}

		var xlsx = reports.xlsx(draft.getId()).data();
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2),
					workbook.getSheetName(3), workbook.getSheetName(4))).containsExactly("汇总", "下级区划", "诉求台账", "结对覆盖", "走访情况");
			var summary = rows(workbook.getSheet("汇总"));
			assertThat(summary.get(1)).containsExactly("指标", "本期", "上期", "环比增减", "去年同期", "同比增减");
			assertThat(row(summary, "收集诉求")).containsExactly("收集诉求", "4", "1", "3", "1", "3");
			assertThat(row(summary, "解决诉求")).containsExactly("解决诉求", "2", "1", "1", "1", "1");
			assertThat(row(summary, "无法解决")).startsWith("无法解决", "1");
			assertThat(row(summary, "满意率")).containsExactly("满意率", "100.0%", "100.0%", "0.0%", "", "");
			assertThat(row(summary, "走访次数")).containsExactly("走访次数", "2", "0", "2", "0", "2");
			var regions = rows(workbook.getSheet("下级区划"));
			assertThat(row(regions, "上村")).startsWith("上村", UPPER);
			int collected = regions.get(1).indexOf("收集诉求");
			assertThat(row(regions, "上村").get(collected)).isEqualTo("2");
			assertThat(row(regions, "下村").get(collected)).isEqualTo("2");
			var ledger = workbook.getSheet("诉求台账");
			var ledgerRows = rows(ledger);
			assertThat(ledgerRows).hasSize(2 + 4);
			assertThat(ledgerRows.subList(2, 6)).allSatisfy(r -> assertThat(r.get(4)).isIn("", "138****5678"));
			assertThat(ledgerRows.subList(2, 6)).extracting(r -> r.get(7)).contains("=HYPERLINK(\"http://x\")");
			var formula = ledger.getRow(ledgerRows.stream().map(r -> r.size() > 7 ? r.get(7) : "").toList().indexOf("=HYPERLINK(\"http://x\")")).getCell(7);
			assertThat(formula.getCellType()).isEqualTo(CellType.STRING);
			assertThat(formula.getCellStyle().getQuotePrefixed()).isTrue();
			assertThat(ledger.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
			assertThat(ledger.getPrintSetup().getLandscape()).isTrue();
			assertThat(ledger.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
			assertThat(ledger.getColumnWidth(7)).isEqualTo(30 * 256);
			assertThat(row(rows(workbook.getSheet("结对覆盖")), "汇报测试计划")).containsExactly("汇报测试计划", "3", "2", "1", "66.7%", "1");
			var visits = rows(workbook.getSheet("走访情况"));
			assertThat(row(visits, "入户走访")).containsExactly("入户走访", "1");
			assertThat(row(visits, "电话联系")).containsExactly("电话联系", "1");
			assertThat(row(visits, "合计")).containsExactly("合计", "2");
		}

		// Frozen: the figures and both files stay as they are, whatever the ledger does afterwards.
		var frozen = reports.freeze(draft.getId(), reports.get(draft.getId()).getVersion());
		var frozenXlsx = reports.xlsx(frozen.getId()).data();
		var frozenDocx = reports.docx(frozen.getId()).data();
		petition("G").in(UPPER).receivedOn("2024-02-28").inState("ARCHIVED").withOutcome("SOLVED").ratedAs("SATISFIED")
			.closedOn("2024-02-29")
			.titled("新诉求")
			.insert(jdbc);
		assertThat(reports.xlsx(frozen.getId()).data()).isEqualTo(frozenXlsx);
		assertThat(reports.docx(frozen.getId()).data()).isEqualTo(frozenDocx);
		assertThat(reports.figures(reports.get(frozen.getId())).petitions().collected()).isEqualTo(4);
		assertThat(paragraphs(frozenDocx)).anySatisfy(p -> assertThat(p).contains("收集困难诉求4件"));
		assertThatThrownBy(() -> reports.writeNarrative(frozen.getId(), frozen.getVersion(), "改", "改"))
			.hasMessageContaining("report.error.frozen");
		assertThatThrownBy(() -> jdbc.update("update monthly_report set problems = '篡改' where id = ?", frozen.getId()))
			.isInstanceOf(DataAccessException.class);
		assertThatThrownBy(() -> jdbc.update("delete from monthly_report where id = ?", frozen.getId()))
			.isInstanceOf(DataAccessException.class);
		// Its files live in the file store, as frozen as the report.
		assertThat(jdbc.queryForList("select content_type from stored_file where owner_kind = 'monthly-report' and owner_id = ?",
				String.class, frozen.getId()))
			.containsExactlyInAnyOrder(ReportService.XLSX, ReportService.DOCX);
		assertThatThrownBy(() -> jdbc.update("delete from stored_file where owner_kind = 'monthly-report' and owner_id = ?",
				frozen.getId()))
			.isInstanceOf(DataAccessException.class);
		// A new draft counts the ledger as it is now, and keeps the frozen version listed.
		var again = reports.openDraft(TOWNSHIP, FEBRUARY);
		assertThat(again.getId()).isNotEqualTo(frozen.getId());
		assertThat(reports.figures(again).petitions().collected()).isEqualTo(5);
		assertThat(reports.list()).filteredOn(r -> r.regionCode().equals(TOWNSHIP)).extracting(ReportSummary::state)
			.contains(ReportState.DRAFT, ReportState.FROZEN);
		assertThat(jdbc.queryForObject("select count(*) from audit_event where entity_type = 'MonthlyReport' and entity_id = ? and action = 'FREEZE'",
				Long.class, String.valueOf(frozen.getId()))).isEqualTo(1);
		assertThat(jdbc.queryForObject("select count(*) from audit_event where entity_type = 'MonthlyReport' and entity_id = ? and action = 'EXPORT'",
				Long.class, String.valueOf(frozen.getId()))).isGreaterThanOrEqualTo(4);
		// Over HTTP a frozen report's files come from the file store's one endpoint.
		var gzAdmin = user(users.loadUserByUsername("gz_admin"));
		for (var kind : List.of("xlsx", "docx")) {
			var link = mvc.perform(get("/reports/{id}/" + kind, frozen.getId()).with(gzAdmin)).andReturn().getResponse();
			assertThat(link.getStatus()).as(kind).isEqualTo(302);
			assertThat(link.getRedirectedUrl()).as(kind).matches("/files/\\d+");
			var file = mvc.perform(get(link.getRedirectedUrl()).with(gzAdmin)).andReturn().getResponse();
			assertThat(file.getStatus()).as(kind).isEqualTo(200);
			assertThat(file.getContentAsByteArray()).as(kind).isEqualTo(kind.equals("xlsx") ? frozenXlsx : frozenDocx);
		}
	}

	@Test
	void aRegionOrReportOutsideTheAdminsScopeIsNotFound() throws Exception {
		var luding = reports.openDraft("513322", FEBRUARY);
		var kdAdmin = user(users.loadUserByUsername("kd_admin"));
		var refused = mvc.perform(post("/reports").param("region", "513322").param("period", "2024-02").with(kdAdmin).with(csrf()))
			.andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(404);
		for (var path : List.of("/reports/" + luding.getId(), "/reports/" + luding.getId() + "/xlsx", "/reports/" + luding.getId() + "/docx")) {
			assertThat(mvc.perform(get(path).with(kdAdmin)).andReturn().getResponse().getStatus()).as(path).isEqualTo(404);
		}
		var kdSupervisor = user(users.loadUserByUsername("kd_supervisor"));
		assertThat(mvc.perform(get("/reports").with(kdSupervisor)).andReturn().getResponse().getStatus()).isEqualTo(403);
	}

	/** A refused save of the narrative says why and shows back what was typed; nothing is saved. */
	@Test
	void aRefusedNarrativeKeepsWhatTheAdminTyped() throws Exception {
		var draft = reports.openDraft("513301", Period.parse("2023-07"));
		var kdAdmin = user(users.loadUserByUsername("kd_admin"));
		var path = "/reports/" + draft.getId();
		long version = draft.getVersion();

		var tooLong = mvc.perform(post(path).param("version", String.valueOf(version)).param("problems", "问".repeat(4001))
			.param("plans", "<b>下一步</b>😀").with(kdAdmin).with(csrf())).andReturn().getResponse();
		assertThat(tooLong.getStatus()).isEqualTo(422);
		assertThat(tooLong.getContentAsString()).contains("每一部分最多 4,000 字").contains("问".repeat(4001))
			.contains("&lt;b&gt;下一步&lt;/b&gt;😀").doesNotContain("[Ljava");

		var saved = mvc.perform(post(path).param("version", String.valueOf(version)).param("problems", "人手不足")
			.param("plans", "加强督导").with(kdAdmin).with(csrf())).andReturn().getResponse();
		assertThat(saved.getStatus()).isEqualTo(302);

		// A second admin's form, opened before that save, is now stale.
		var stale = mvc.perform(post(path).param("version", String.valueOf(version)).param("problems", "另一种看法")
			.param("plans", "另一种打算").with(kdAdmin).with(csrf())).andReturn().getResponse();
		assertThat(stale.getStatus()).isEqualTo(409);
		assertThat(stale.getContentAsString()).contains("该记录已被他人修改").contains("另一种看法").contains("另一种打算");
		assertThat(jdbc.queryForMap("select problems, plans from monthly_report where id = ?", draft.getId()))
			.containsEntry("problems", "人手不足")
			.containsEntry("plans", "加强督导");
	}

	@Test
	void onTheFirstADraftOfLastMonthForEachPrefectureAndCountyWithUsersOnceHoweverOftenItRuns() {
		var clock = Clock.fixed(Instant.parse("2023-06-30T17:30:00Z"), ZoneOffset.UTC); // 1 July, 01:30 in China
		var drafts = new MonthlyDrafts(accounts, jdbc, clock);
		int made = drafts.draftLastMonth();
		assertThat(made).isPositive();
		assertThat(drafts.draftLastMonth()).isZero();
		var regions = jdbc.queryForList("""
				select region_code from monthly_report where period_kind = 'MONTH' and period_start = '2023-06-01'
				and state = 'DRAFT' order by 1""", String.class);
		assertThat(regions).contains("5133", "513301", "513322").doesNotContain("513301001").hasSize(made);
	}

	private void handCountedData() {
		region(TOWNSHIP, "汇报测试乡", "TOWNSHIP", "513324");
		region(UPPER, "上村", "VILLAGE", TOWNSHIP);
		region(LOWER, "下村", "VILLAGE", TOWNSHIP);
		petition("A").in(UPPER).receivedOn("2024-02-03").inState("ARCHIVED").withOutcome("SOLVED").ratedAs("SATISFIED")
			.closedOn("2024-02-10")
			.titled("房屋维修")
			.insert(jdbc);
		petition("B").in(UPPER).receivedOn("2024-02-10").inState("RATED").withOutcome("POLICY")
			.ratedAs("BASICALLY_SATISFIED")
			.closedOn("2024-02-15")
			.withPhone("13812345678")
			.titled("低保政策")
			.insert(jdbc);
		petition("C").in(LOWER).receivedOn("2024-02-20").inState("CLOSED").withOutcome("UNRESOLVABLE")
			.closedOn("2024-02-25")
			.titled("道路硬化")
			.insert(jdbc);
		petition("D").in(LOWER).receivedOn("2024-02-25").inState("IN_PROGRESS")
			.closeDueOn(LocalDate.now().plusDays(30))
			.titled("=HYPERLINK(\"http://x\")")
			.insert(jdbc);
		petition("E").in(UPPER).receivedOn("2024-01-15").inState("ARCHIVED").withOutcome("SOLVED").ratedAs("SATISFIED")
			.closedOn("2024-01-20")
			.titled("就医报销")
			.insert(jdbc);
		petition("F").in(LOWER).receivedOn("2023-02-10").inState("ARCHIVED").withOutcome("SOLVED")
			.closedOn("2023-02-12")
			.titled("饮水")
			.insert(jdbc);

		jdbc.update("""
				insert into pairing_program (name, region_code, target_categories, cadre_levels, min_households,
				                             max_households, visit_interval_days)
				values ('汇报测试计划', ?, 16, 31, 0, 9, 30)""", TOWNSHIP);
		jdbc.update("""
				insert into cadre (name, gender, ethnicity, level, region_code) values ('汇报测试干部', 'FEMALE', '04', 'GENERAL', ?)""",
				TOWNSHIP);
		for (int i = 1; i <= 3; i++) {
			jdbc.update("""
					insert into household (head_name, id_number, ethnicity, region_code, member_count, categories, created_at)
					values (?, ?, '04', ?, 3, 16, timestamptz '2023-11-01 08:00+08')""", "汇报户" + i, IdNumber.withCheckCharacter("513324199004040" + i + "0"),
					i < 3 ? UPPER : LOWER);
		}
		jdbc.update("""
				insert into pairing (program_id, cadre_id, household_id, region_code, started_on)
				select (select id from pairing_program where name = '汇报测试计划'), (select id from cadre where name = '汇报测试干部'),
				       id, region_code, date '2023-12-01'
				from household where head_name in ('汇报户1', '汇报户3')""");
		visit("汇报户1", "2024-02-05", "HOME_VISIT");
		visit("汇报户1", "2024-02-06", "PHONE");
		visit("汇报户3", "2024-03-01", "PHONE");
	}

	private void visit(String household, String on, String kind) {
		jdbc.update("""
				insert into visit (pairing_id, household_id, region_code, visited_on, kind, visitors, created_by)
				select p.id, p.household_id, p.region_code, ?::date, ?, '汇报测试干部', 'test'
				from pairing p join household h on h.id = p.household_id where h.head_name = ?""", on, kind, household);
	}

	private void region(String code, String name, String level, String parent) {
		jdbc.update("insert into region (code, name, level, parent_code) values (?, ?, ?, ?) on conflict do nothing", code,
				name, level, parent);
	}

	/** Pushed the day it was received and accepted the day after, as all of this report's petitions. */
	private static PetitionRows petition(String number) {
		return PetitionRows.aPetitionRow("513324-1970-00000" + number).pushed().accepted();
	}

	private static List<String> paragraphs(byte[] docx) throws Exception {
		try (var document = new XWPFDocument(new ByteArrayInputStream(docx))) {
			return document.getParagraphs().stream().map(p -> p.getText()).toList();
		}
	}

	private static List<List<String>> rows(Sheet sheet) {
		var formatter = new DataFormatter();
		var rows = new ArrayList<List<String>>();
		for (int r = 0; r <= sheet.getLastRowNum(); r++) {
			var row = sheet.getRow(r);
			var values = new ArrayList<String>();
			if (row != null) {
				for (int c = 0; c < row.getLastCellNum(); c++) {
					values.add(row.getCell(c) == null ? "" : formatter.formatCellValue(row.getCell(c)));
				}
			}
			rows.add(values);
		}
		return rows;
	}

	private static List<String> row(List<List<String>> rows, String first) {
		return rows.stream().filter(r -> !r.isEmpty() && r.get(0).equals(first)).findFirst().orElseThrow(() -> new AssertionError("no row " + first));
	}

}
