package org.pomegranate.assessment.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.assessment.output.demo.DemoAssessments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * An assessment's outputs read back as the user gets them: the two .docx reports and the .xlsx
 * score sheet opened with POI, their numbers compared with the scores in the database (and the
 * totals, added up by the documents through {@code Tally}, with the ones the SQL of the demo
 * data wrote); the files and the comparison answer 404 to another county and to a reviewer
 * without a live assignment; every count of the overview links to a list of exactly that many.
 */
@IntegrationTest
class OutputTests {

	private static final String AUTHOR = "op_test";

	private static final String GZ_ADMIN = "op_gz_admin";

	private static final String KD_STAFF = "op_kd_staff";

	private static final String LD_STAFF = "op_ld_staff";

	private static final Pattern COUNT = Pattern.compile("<a class=\"count\" href=\"([^\"]+)\">(\\d+)</a>");

	private static final Pattern TOTAL = Pattern.compile("共 ([\\d,]+) 条");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	long assessment;

	@BeforeEach
	void assessment() {
		account(GZ_ADMIN, "ADMIN", "5133");
		account(KD_STAFF, "STAFF", "513301");
		account(LD_STAFF, "STAFF", "513322");
		clear();
		var framework = jdbc.queryForObject(
				"select id from indicator_framework where name = '示范县测评指标（演示）' and state = 'PUBLISHED'", Long.class);
		assessment = jdbc.queryForObject("""
				insert into assessment (framework_id, holder_kind, holder_region_code, holder_name, year, purpose, state, created_by)
				values (?, 'REGION', '513301', '康定市', 2001, 'SELF_CHECK', 'CONFIRMED', ?) returning id""", Long.class, framework,
				AUTHOR);
		DemoAssessments.score(jdbc, AUTHOR);
		// One article returned once, with a photo frozen by the submission.
		jdbc.update("""
				update assessment_score set returned = true, return_note = '缺少会议记录'
				where assessment_id = ? and node_id = (select id from indicator_node where framework_id = ? and code = '1.1.1')""",
				assessment, framework);
		var evidence = jdbc.queryForObject("""
				insert into evidence (holder_kind, holder_region_code, title, kind, made_on, created_by)
				values ('REGION', '513301', '领导小组会议照片', 'PHOTO', date '2001-05-01', ?) returning id""", Long.class, AUTHOR);
		jdbc.update("""
				insert into evidence_snapshot (assessment_id, submission, node_id, evidence_id, file_id, file_name, sha256, size_bytes)
				select ?, 1, id, ?, 1, 'meeting.jpg', repeat('ab', 32), 1024 from indicator_node where framework_id = ? and code = '1.1.1'""",
				assessment, evidence, framework);
	}

	@AfterEach
	void clear() {
		jdbc.update("delete from assessment where created_by = ?", AUTHOR);
		jdbc.update("delete from evidence where created_by = ?", AUTHOR);
	}

	private void account(String username, String role, String region) {
		jdbc.update("""
				insert into user_account (username, display_name, password_hash, role, region_code)
				values (?, '输出测试', '{noop}not-used', ?, ?) on conflict do nothing""", username, role, region);
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request, String username) throws Exception {
		return mvc.perform(request.with(user(users.loadUserByUsername(username)))).andReturn().getResponse();
	}

	/** The scores in the database, by article code: self, evaluator. */
	private Map<String, BigDecimal[]> scores() {
		var scores = new HashMap<String, BigDecimal[]>();
		jdbc.query("""
				select n.code, s.self_score, s.evaluator_score from assessment_score s join indicator_node n on n.id = s.node_id
				where s.assessment_id = ?""", rs -> {
			scores.put(rs.getString(1), new BigDecimal[] { rs.getBigDecimal(2), rs.getBigDecimal(3) });
		}, assessment);
		return scores;
	}

	private static String text(BigDecimal value) {
		return value == null ? "—" : value.stripTrailingZeros().toPlainString();
	}

	@Test
	void theScoreSheetHasARowPerScoredNodeWithItsScoresAndTheFrozenFiles() throws Exception {
		var response = send(get("/assessments/" + assessment + "/scores.xlsx"), KD_STAFF);
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getHeader("Content-Disposition")).contains("attachment");
		var scores = scores();
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
			var sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(5).getStringCellValue()).isEqualTo("自评");
			assertThat(sheet.getLastRowNum()).isEqualTo(scores.size());
			int compared = 0;
			for (int i = 1; i <= sheet.getLastRowNum(); i++) {
				var row = sheet.getRow(i);
				var expected = scores.get(row.getCell(0).getStringCellValue());
				assertThat(expected).isNotNull();
				assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(expected[0].doubleValue());
				assertThat(row.getCell(6).getNumericCellValue()).isEqualTo(expected[1].doubleValue());
				assertThat(row.getCell(7) == null || row.getCell(7).getCellType() == CellType.BLANK).isTrue();
				if (row.getCell(0).getStringCellValue().equals("1.1.1")) {
					assertThat(row.getCell(8).getStringCellValue()).isEqualTo("领导小组会议照片：meeting.jpg");
					assertThat(row.getCell(9).getStringCellValue()).isEqualTo("ab".repeat(32));
					assertThat(row.getCell(11).getStringCellValue()).contains("退回：缺少会议记录");
				}
				compared++;
			}
			assertThat(compared).isEqualTo(66);
		}
	}

	@Test
	void theReportsCarryEveryScoreAndTheTotalsThatWereWritten() throws Exception {
		var scores = scores();
		var totals = jdbc.queryForMap("select self_total, evaluator_total, adopted_total, passed from assessment where id = ?",
				assessment);

		var self = send(get("/assessments/" + assessment + "/self-report.docx"), KD_STAFF);
		assertThat(self.getStatus()).isEqualTo(200);
		try (var document = new XWPFDocument(new ByteArrayInputStream(self.getContentAsByteArray()))) {
			var text = paragraphs(document);
			assertThat(text).contains("康定市2001年度民族团结进步创建自评报告", "演示用（非正式指标体系）", "示范县测评指标（演示） 第1版",
					"一、总体情况", "二、分项自评得分", "三、加分、扣分与一票否决", "四、差距分析",
					"自评总分" + text((BigDecimal) totals.get("self_total")) + "分");
			assertThat(document.getTables()).hasSize(7);
			int rows = 0;
			for (var table : document.getTables()) {
				assertThat(table.getRow(0).getCell(3).getText()).isEqualTo("自评");
				for (int i = 1; i < table.getNumberOfRows(); i++) {
					var row = table.getRow(i);
					assertThat(row.getCell(3).getText()).isEqualTo(text(scores.get(row.getCell(0).getText())[0]));
					rows++;
				}
			}
			assertThat(rows).isEqualTo(58);
		}

		var evaluation = send(get("/assessments/" + assessment + "/evaluation-report.docx"), KD_STAFF);
		assertThat(evaluation.getStatus()).isEqualTo(200);
		try (var document = new XWPFDocument(new ByteArrayInputStream(evaluation.getContentAsByteArray()))) {
			var text = paragraphs(document);
			assertThat(text).contains("康定市2001年度民族团结进步创建第三方评估报告", "评估人：gz_reviewer",
					"评估总分" + text((BigDecimal) totals.get("evaluator_total")) + "分",
					"采信总分" + text((BigDecimal) totals.get("adopted_total")) + "分",
					Boolean.TRUE.equals(totals.get("passed")) ? "达标。" : "未达标。",
					"四、评估意见", "康定市民族团结进步创建工作组织有力", "五、问题清单", "六、差距分析", "1.1.1", "已退回补充材料：缺少会议记录");
			int rows = 0;
			for (var table : document.getTables()) {
				for (int i = 1; i < table.getNumberOfRows(); i++) {
					var row = table.getRow(i);
					var expected = scores.get(row.getCell(0).getText());
					assertThat(row.getCell(3).getText()).isEqualTo(text(expected[0]));
					assertThat(row.getCell(4).getText()).isEqualTo(text(expected[1]));
					assertThat(row.getCell(5).getText()).isEqualTo(text(expected[1]));
					rows++;
				}
			}
			assertThat(rows).isEqualTo(58);
			// A finding for each article scored below its points or returned.
			int low = jdbc.queryForObject("""
					select count(*) from assessment_score s join indicator_node n on n.id = s.node_id
					where s.assessment_id = ? and n.level = 'ARTICLE' and (s.evaluator_score < n.points or s.returned)""",
					Integer.class, assessment);
			assertThat(text).contains("\n" + low + ". ").doesNotContain("\n" + (low + 1) + ". ");
		}
	}

	private static String paragraphs(XWPFDocument document) {
		var text = new StringBuilder();
		for (XWPFParagraph paragraph : document.getParagraphs()) {
			text.append('\n').append(paragraph.getText());
		}
		return text.toString();
	}

	@Test
	void anotherCountyAndAReviewerWithoutAnAssignmentFindNothing() throws Exception {
		var paths = List.of("/self-report.docx", "/evaluation-report.docx", "/scores.xlsx", "/comparison");
		for (var path : paths) {
			var foreign = send(get("/assessments/" + assessment + path), LD_STAFF);
			var missing = send(get("/assessments/999999999" + path), LD_STAFF);
			assertThat(foreign.getStatus()).as(path).isEqualTo(404);
			assertThat(foreign.getContentAsString()).isEqualTo(missing.getContentAsString());
			assertThat(send(get("/assessments/" + assessment + path), "gz_reviewer").getStatus()).as(path).isEqualTo(404);
			assertThat(send(get("/assessments/" + assessment + path), GZ_ADMIN).getStatus()).as(path).isEqualTo(200);
		}
		jdbc.update("insert into evaluating_institution (region_code, name, created_by) values ('5133', '输出测试评估机构', ?) "
				+ "on conflict do nothing", AUTHOR);
		jdbc.update("""
				insert into reviewer_assignment (assessment_id, user_name, institution_id, starts_on, ends_on, assigned_by)
				select ?, 'gz_reviewer', id, current_date - 1, current_date + 30, ? from evaluating_institution
				where name = '输出测试评估机构'""", assessment, AUTHOR);
		for (var path : paths) {
			assertThat(send(get("/assessments/" + assessment + path), "gz_reviewer").getStatus()).as(path).isEqualTo(200);
		}
		// The assessment page offers the files.
		var page = send(get("/assessments/" + assessment), KD_STAFF).getContentAsString();
		assertThat(page).contains("href=\"/assessments/" + assessment + "/self-report.docx\"",
				"href=\"/assessments/" + assessment + "/evaluation-report.docx\"", "href=\"/assessments/" + assessment + "/scores.xlsx\"",
				"href=\"/assessments/" + assessment + "/comparison\"");
	}

	@Test
	void theComparisonShowsEachDifferenceAndTheHoldersYears() throws Exception {
		var page = send(get("/assessments/" + assessment + "/comparison"), KD_STAFF);
		assertThat(page.getStatus()).isEqualTo(200);
		var html = page.getContentAsString();
		var scores = scores();
		var lowered = jdbc.queryForObject("""
				select n.code from assessment_score s join indicator_node n on n.id = s.node_id
				where s.assessment_id = ? and n.level = 'ARTICLE' order by s.evaluator_score - s.self_score, n.code limit 1""",
				String.class, assessment);
		var expected = scores.get(lowered);
		var row = Pattern.compile("<tr data-code=\"" + Pattern.quote(lowered) + "\">(.*?)</tr>", Pattern.DOTALL).matcher(html);
		assertThat(row.find()).isTrue();
		assertThat(row.group(1)).contains("data-figure=\"self\">" + text(expected[0]) + "<",
				"data-figure=\"evaluator\">" + text(expected[1]) + "<",
				">" + text(expected[1].subtract(expected[0])) + "</td>");
		assertThat(html).contains("id=\"chart-heatmap\"", "data-json=", "echarts.min.js", "/js/assessment-comparison.js",
				"<tr data-year=\"2001\">", "康定市 2001 自评与评估对比");
	}

	@Test
	void everyCountOfTheOverviewLinksToAListOfThatMany() throws Exception {
		for (var query : List.of("?region=5133", "?region=5133&year=2001", "?region=513301", "?region=513326")) {
			var page = send(get("/assessment-overview" + query), GZ_ADMIN);
			assertThat(page.getStatus()).as(query).isEqualTo(200);
			var html = page.getContentAsString();
			var matcher = COUNT.matcher(html);
			var links = new ArrayList<String[]>();
			while (matcher.find()) {
				links.add(new String[] { matcher.group(1).replace("&amp;", "&"), matcher.group(2) });
			}
			assertThat(links).as(query).isNotEmpty();
			for (var link : links) {
				var list = send(get(link[0]), GZ_ADMIN).getContentAsString();
				var total = TOTAL.matcher(list);
				long shown = total.find() ? Long.parseLong(total.group(1).replace(",", "")) : 0;
				assertThat(shown).as(link[0]).isEqualTo(Long.parseLong(link[1]));
			}
		}
		// The prefecture's row of 康定市 counts this test's confirmed assessment of 2001, and its verdict.
		var html = send(get("/assessment-overview?region=5133&year=2001"), GZ_ADMIN).getContentAsString();
		var passed = jdbc.queryForObject("select passed from assessment where id = ?", Boolean.class, assessment);
		assertThat(html).contains("href=\"/assessment-overview?region=513301&amp;year=2001\"",
				"<a class=\"count\" href=\"/assessments?region=513301&amp;year=2001&amp;state=CONFIRMED\">1</a>",
				"<a class=\"count\" href=\"/assessments?region=513301&amp;year=2001&amp;passed=" + passed + "\">1</a>");
		// Outside the scope, a region answers as a missing one.
		assertThat(send(get("/assessment-overview?region=5134"), GZ_ADMIN).getStatus()).isEqualTo(404);
		assertThat(send(get("/assessment-overview?region=5133"), KD_STAFF).getStatus()).isEqualTo(404);
		assertThat(send(get("/assessment-overview?region=abc"), GZ_ADMIN).getStatus()).isEqualTo(404);
	}

}
