package org.pomegranate.assessment.holder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pomegranate.assessment.holder.AssessmentFixtures.GZ_ADMIN;
import static org.pomegranate.assessment.holder.AssessmentFixtures.KD_STAFF;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.assessment.framework.FrameworkService;
import org.pomegranate.assessment.framework.FrameworkSpreadsheets;
import org.pomegranate.assessment.framework.FrameworkWorkbook;
import org.pomegranate.assessment.workflow.AssessmentDrafts;
import org.pomegranate.assessment.workflow.AssessmentForms.NewAssessmentForm;
import org.pomegranate.assessment.workflow.AssessmentSheets;
import org.pomegranate.assessment.workflow.Purpose;
import org.pomegranate.shared.ChinaTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * 迁移到新版本 as 康定市's staff use it: a draft on version 1 of a framework whose version 2 moved
 * half a point from one article to its neighbour. The preview says, per article, what moves and
 * what is dropped, and the totals before and after; a mapping of two articles to one is refused
 * with nothing changed; applying the previewed mapping keeps every answer it said it would, the
 * evidence links included, and the version the draft started on.
 */
@IntegrationTest
class VersionMovesTests {

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
	AssessmentSheets sheets;

	@Autowired
	Clock clock;

	String name;

	long first;

	long second;

	long id;

	/** The article that loses half a point in version 2 (its full score no longer fits), and the one that gains it. */
	String losing;

	String gaining;

	@BeforeEach
	void draftOnTheFirstVersion() throws Exception {
		AssessmentFixtures.users(jdbc);
		AssessmentFixtures.clear(jdbc);
		name = "迁移测试指标" + System.nanoTime();
		AssessmentFixtures.signIn(users, GZ_ADMIN);
		try {
			var exported = spreadsheets.export(AssessmentFixtures.demoCountyFramework(jdbc));
			first = spreadsheets.importNew(UUID.randomUUID(), "迁移.xlsx", new ByteArrayInputStream(renamed(exported))).getId();
			frameworks.publish(first, frameworks.get(first).getVersion());
		}
		finally {
			AssessmentFixtures.signOut();
		}
		// Two 评议 articles of one item: the first gives half a point to the second in version 2.
		var pair = jdbc.queryForList("""
				select a.code from indicator_node a where a.framework_id = ? and a.scoring_method = 'JUDGEMENT'
				  and a.parent_id in (select parent_id from indicator_node where framework_id = ? and scoring_method = 'JUDGEMENT'
				                      group by parent_id having count(*) >= 2)
				order by a.parent_id, a.position limit 2""", String.class, first, first);
		losing = pair.get(0);
		gaining = pair.get(1);
		AssessmentFixtures.signIn(users, KD_STAFF);
		try {
			id = drafts.create(new NewAssessmentForm(UUID.randomUUID(), first,
					null, null, String.valueOf(ChinaTime.today(clock).getYear()), Purpose.SELF_CHECK)).getId();
			AssessmentFixtures.scoreEverything(drafts, sheets.sheet(id), this::version);
		}
		finally {
			AssessmentFixtures.signOut();
		}
		jdbc.update("""
				insert into evidence (holder_kind, holder_region_code, title, kind, made_on, created_by)
				values ('REGION', '513301', '迁移测试材料', 'TEXT', date '2026-03-01', 'as_kd_staff')""");
		jdbc.update("""
				insert into assessment_evidence (assessment_id, node_id, evidence_id)
				select ?, n.id, e.id from indicator_node n, evidence e
				where n.framework_id = ? and n.code = ? and e.title = '迁移测试材料' and e.created_by = 'as_kd_staff'""", id, first,
				gaining);
		AssessmentFixtures.signIn(users, GZ_ADMIN);
		try {
			second = frameworks.startNextVersion(first, frameworks.get(first).getVersion()).getId();
			jdbc.update("update indicator_node set points = points - 0.5 where framework_id = ? and code = ?", second, losing);
			jdbc.update("update indicator_node set points = points + 0.5 where framework_id = ? and code = ?", second, gaining);
			frameworks.publish(second, frameworks.get(second).getVersion());
		}
		finally {
			AssessmentFixtures.signOut();
		}
	}

	@AfterEach
	void clear() {
		AssessmentFixtures.clear(jdbc);
		jdbc.update("delete from evidence where title = '迁移测试材料'");
		// Published versions are guarded by triggers; these two are the test's own.
		jdbc.execute("set session_replication_role = replica; "
				+ "delete from indicator_node where framework_id in (select id from indicator_framework where name = '" + name + "'); "
				+ "delete from indicator_framework where name = '" + name + "'; set session_replication_role = origin");
	}

	@Test
	void thePreviewSaysWhatMovesAndTheMoveKeepsExactlyThat() throws Exception {
		var page = Jsoup.parse(send(get("/assessments/" + id), KD_STAFF).getContentAsString());
		assertThat(page.select("#move-link").attr("href")).isEqualTo("/assessments/" + id + "/move");

		var preview = send(get("/assessments/" + id + "/move"), KD_STAFF);
		assertThat(preview.getStatus()).isEqualTo(200);
		var html = Jsoup.parse(preview.getContentAsString());
		var losingRow = html.select("#from-" + node(first, losing));
		assertThat(losingRow.select(".outcome").text()).startsWith("得分不符合新条目的计分方法");
		assertThat(losingRow.select("option[selected]").text()).startsWith(losing + " ");
		assertThat(html.select("#from-" + node(first, gaining) + " .outcome").text()).isEqualTo("自评得分、说明和佐证材料一并迁移");
		var before = selfTotal();
		var losingPoints = jdbc.queryForObject("select points from indicator_node where framework_id = ? and code = ?",
				BigDecimal.class, first, losing);
		assertThat(html.select("#totals").text()).isEqualTo("自评总分 " + before.stripTrailingZeros().toPlainString() + " → "
				+ before.subtract(losingPoints).stripTrailingZeros().toPlainString());
		assertThat(html.select("#move-summary").text()).contains("迁移 65 条", "清空得分 1 条", "舍弃 0 条");

		// Two articles to one new article: shown as a conflict, and refused when applied.
		var conflict = Map.of("target", String.valueOf(second), "node-" + node(first, losing), String.valueOf(node(second, gaining)));
		var shown = Jsoup.parse(send(with(get("/assessments/" + id + "/move"), conflict), KD_STAFF).getContentAsString());
		assertThat(shown.select("#from-" + node(first, gaining) + " .outcome").text()).isEqualTo("与另一条对应了同一新条目，请改选");
		var refused = send(with(post("/assessments/" + id + "/move"), conflict).param("version", version() + ""), KD_STAFF);
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString()).contains("有两个条目对应了同一个新条目，请改选后再预览。");
		assertThat(frameworkOf()).isEqualTo(first);

		var apply = html.select("#apply-form input[type=hidden]");
		var form = post("/assessments/" + id + "/move");
		apply.forEach(input -> form.param(input.attr("name"), input.attr("value")));
		var moved = send(form, KD_STAFF);
		assertThat(moved.getStatus()).isEqualTo(302);
		assertThat(frameworkOf()).isEqualTo(second);
		assertThat(jdbc.queryForObject("select moved_from from assessment where id = ?", Long.class, id)).isEqualTo(first);
		assertThat(jdbc.queryForObject("select count(*) from assessment_score where assessment_id = ?", Long.class, id)).isEqualTo(66);
		assertThat(jdbc.queryForObject("select self_score from assessment_score where assessment_id = ? and node_id = ?",
				BigDecimal.class, id, node(second, losing))).isNull();
		assertThat(jdbc.queryForObject("select self_score from assessment_score where assessment_id = ? and node_id = ?",
				BigDecimal.class, id, node(second, gaining))).isNotNull();
		assertThat(jdbc.queryForObject("select count(*) from assessment_evidence where assessment_id = ? and node_id = ?",
				Long.class, id, node(second, gaining))).isEqualTo(1);
		assertThat(selfTotal()).isEqualByComparingTo(before.subtract(losingPoints));
		assertThat(jdbc.queryForObject("select note from assessment_event where assessment_id = ? and action = 'MOVE_VERSION'",
				String.class, id)).contains("迁移 65 条，清空得分 1 条，舍弃 0 条");
	}

	@Test
	void aSubmittedAssessmentDoesNotMove() throws Exception {
		AssessmentFixtures.signIn(users, KD_STAFF);
		try {
			drafts.submit(id, version());
		}
		finally {
			AssessmentFixtures.signOut();
		}
		var page = Jsoup.parse(send(get("/assessments/" + id + "/move"), KD_STAFF).getContentAsString());
		assertThat(page.select("#no-target").text()).startsWith("这份测评的指标体系没有更新的已发布版本");
		var refused = send(post("/assessments/" + id + "/move").param("target", String.valueOf(second))
			.param("version", version() + ""), KD_STAFF);
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(frameworkOf()).isEqualTo(first);
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

	private long node(long framework, String code) {
		return jdbc.queryForObject("select id from indicator_node where framework_id = ? and code = ?", Long.class, framework, code);
	}

	private long version() {
		return jdbc.queryForObject("select version from assessment where id = ?", Long.class, id);
	}

	private long frameworkOf() {
		return jdbc.queryForObject("select framework_id from assessment where id = ?", Long.class, id);
	}

	/** The self scores' sum over the articles, as entered on version 1 (no 奖惩清单 scores were entered). */
	private BigDecimal selfTotal() {
		return jdbc.queryForObject("""
				select sum(s.self_score) from assessment_score s join indicator_node n on n.id = s.node_id
				where s.assessment_id = ? and n.level = 'ARTICLE'""", BigDecimal.class, id);
	}

	private static <B extends AbstractMockHttpServletRequestBuilder<B>> B with(B request, Map<String, String> params) {
		params.forEach(request::param);
		return request;
	}

	private <B extends AbstractMockHttpServletRequestBuilder<B>> MockHttpServletResponse send(B request, String username)
			throws Exception {
		return mvc.perform(request.with(csrf()).with(user(users.loadUserByUsername(username))).header("Accept", "text/html")
			.header("Accept-Language", "zh-CN")).andReturn().getResponse();
	}

}
