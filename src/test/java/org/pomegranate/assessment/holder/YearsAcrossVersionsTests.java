package org.pomegranate.assessment.holder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pomegranate.assessment.holder.AssessmentFixtures.GZ_ADMIN;
import static org.pomegranate.assessment.holder.AssessmentFixtures.KD_STAFF;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.assessment.framework.FrameworkService;
import org.pomegranate.assessment.framework.FrameworkSpreadsheets;
import org.pomegranate.assessment.framework.FrameworkWorkbook;
import org.pomegranate.assessment.workflow.AssessmentDrafts;
import org.pomegranate.assessment.workflow.AssessmentForms.NewAssessmentForm;
import org.pomegranate.assessment.workflow.Purpose;
import org.pomegranate.shared.ChinaTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 历年分项得分 across two versions: 康定市 was confirmed last year on version 1 (every article adopted
 * at 1 point, one of category 1 only evaluated at 0.5), and drafts this year on version 2, in which
 * the first article of category 2 was renumbered (it still descends from its old self) and the first
 * of category 3 was replaced by a new article with no ancestor. The page carries last year's
 * scores onto this year's categories through the lineage, not the codes: category 2 keeps every
 * point, category 3 lacks the replaced article's, and the footer counts 57 of 58 counterparts.
 */
@IntegrationTest
class YearsAcrossVersionsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	FrameworkService frameworks;

	@Autowired
	FrameworkSpreadsheets spreadsheets;

	@Autowired
	AssessmentDrafts drafts;

	@Autowired
	Clock clock;

	String name;

	long first;

	long second;

	long thisYear;

	int year;

	@BeforeEach
	void twoYearsOnTwoVersions() throws Exception {
		AssessmentFixtures.users(jdbc);
		AssessmentFixtures.clear(jdbc);
		year = ChinaTime.today(clock).getYear();
		name = "历年对照测试指标" + System.nanoTime();
		AssessmentFixtures.signIn(users, GZ_ADMIN);
		try {
			var exported = spreadsheets.export(AssessmentFixtures.demoCountyFramework(jdbc));
			first = spreadsheets.importNew(UUID.randomUUID(), "历年.xlsx", new ByteArrayInputStream(renamed(exported))).getId();
			frameworks.publish(first, frameworks.get(first).getVersion());
			second = frameworks.startNextVersion(first, frameworks.get(first).getVersion()).getId();
			jdbc.update("update indicator_node set code = '9.9.9' where id = ?", firstArticle(second, "2"));
			jdbc.update("update indicator_node set code = '8.8.8', origin_id = null where id = ?", firstArticle(second, "3"));
			frameworks.publish(second, frameworks.get(second).getVersion());
		}
		finally {
			AssessmentFixtures.signOut();
		}
		long lastYear = jdbc.queryForObject("""
				insert into assessment (framework_id, holder_kind, holder_region_code, holder_name, year, purpose, state, created_by)
				values (?, 'REGION', '513301', '康定市', ?, 'SELF_CHECK', 'CONFIRMED', 'as_kd_staff') returning id""", Long.class,
				first, year - 1);
		jdbc.update("""
				insert into assessment_score (assessment_id, node_id, self_score, evaluator_score, adopted_score)
				select ?, id, 2, 1, 1 from indicator_node where framework_id = ? and level = 'ARTICLE'""", lastYear, first);
		jdbc.update("update assessment_score set evaluator_score = 0.5, adopted_score = null where assessment_id = ? and node_id = ?",
				lastYear, firstArticle(first, "1"));
		AssessmentFixtures.signIn(users, KD_STAFF);
		try {
			thisYear = drafts.create(new NewAssessmentForm(UUID.randomUUID(), second, null, null, String.valueOf(year),
					Purpose.SELF_CHECK)).getId();
		}
		finally {
			AssessmentFixtures.signOut();
		}
		jdbc.update("""
				update assessment_score s set self_score = 1 from indicator_node n
				where s.assessment_id = ? and n.id = s.node_id and n.level = 'ARTICLE'""", thisYear);
	}

	@AfterEach
	void clear() {
		AssessmentFixtures.clear(jdbc);
		// Published versions are guarded by triggers; these two are the test's own.
		jdbc.execute("set session_replication_role = replica; "
				+ "delete from indicator_node where framework_id in (select id from indicator_framework where name = '" + name + "'); "
				+ "delete from indicator_framework where name = '" + name + "'; set session_replication_role = origin");
	}

	@Test
	void lastYearsScoresFollowTheLineageOntoThisYearsCategories() throws Exception {
		var page = page(thisYear);
		assertThat(page.select("#across thead th[data-year]").eachText())
			.containsExactly(String.valueOf(year - 1), String.valueOf(year));
		long one = articles(second, "1");
		long two = articles(second, "2");
		long three = articles(second, "3");
		// last year: every article adopted at 1 but one of category 1 evaluated at 0.5; this year: 1 each
		assertThat(points(page, "1")).containsExactly(number(one - 1 + 0.5), number(one));
		assertThat(points(page, "2")).containsExactly(number(two), number(two));
		assertThat(points(page, "3")).containsExactly(number(three - 1), number(three));
		assertThat(page.select("#across tfoot [data-figure=counterparts]").eachText()).containsExactly("57", "58");
		assertThat(page.select("#across tfoot td").first().text()).isEqualTo("可对照条目（本版本共 58 条）");
	}

	@Test
	void fromLastYearsPageThisYearsArticlesAreCarriedBack() throws Exception {
		long lastYear = jdbc.queryForObject("select id from assessment where created_by = 'as_kd_staff' and year = ?", Long.class,
				year - 1);
		var page = page(lastYear);
		long three = articles(first, "3");
		// Seen from version 1, this year's replacement article has no counterpart: category 3 lacks one point.
		assertThat(points(page, "3")).containsExactly(number(three), number(three - 1));
		assertThat(page.select("#across tfoot [data-figure=counterparts]").eachText()).containsExactly("58", "57");
	}

	private Document page(long id) throws Exception {
		var response = mvc.perform(get("/assessments/" + id + "/comparison").with(user(users.loadUserByUsername(KD_STAFF)))
			.header("Accept-Language", "zh-CN")).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return Jsoup.parse(response.getContentAsString());
	}

	private static List<String> points(Document page, String category) {
		return page.select("#across tr[data-code=" + category + "] [data-figure=points]").eachText();
	}

	private static String number(double value) {
		return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
	}

	private long articles(long framework, String category) {
		return jdbc.queryForObject("""
				select count(*) from indicator_node a join indicator_node i on i.id = a.parent_id join indicator_node c on c.id = i.parent_id
				where a.framework_id = ? and a.level = 'ARTICLE' and c.code = ?""", Long.class, framework, category);
	}

	private long firstArticle(long framework, String category) {
		return jdbc.queryForObject("""
				select a.id from indicator_node a join indicator_node i on i.id = a.parent_id join indicator_node c on c.id = i.parent_id
				where a.framework_id = ? and a.level = 'ARTICLE' and c.code = ? order by i.position, a.position limit 1""", Long.class,
				framework, category);
	}

	private byte[] renamed(byte[] xlsx) throws Exception {
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx)); var out = new ByteArrayOutputStream()) {
			var settings = workbook.getSheet(FrameworkWorkbook.SETTINGS_SHEET);
			for (var row : settings) {
				if ("名称".equals(row.getCell(0).getStringCellValue())) {
					row.getCell(1).setCellValue(name);
				}
				if ("演示".equals(row.getCell(0).getStringCellValue())) {
					row.getCell(1).setCellValue("否");
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

}
