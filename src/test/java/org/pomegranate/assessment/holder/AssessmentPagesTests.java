package org.pomegranate.assessment.holder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pomegranate.assessment.holder.AssessmentFixtures.KD_STAFF;
import static org.pomegranate.assessment.holder.AssessmentFixtures.LD_STAFF;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.shared.ChinaTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * The holder's pages as 康定市's staff read them: choosing a published framework, starting an
 * assessment (a double submit makes one), the page with its 演示 banner, live figures linking to
 * their lists and the gap in plain words; a refused score comes back (422) in Chinese beside its
 * row with what was typed; another county's assessment answers exactly as a missing one.
 */
@IntegrationTest
class AssessmentPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	long framework;

	@BeforeEach
	void users() {
		AssessmentFixtures.users(jdbc);
		AssessmentFixtures.clear(jdbc);
		framework = AssessmentFixtures.demoCountyFramework(jdbc);
	}

	@AfterEach
	void clear() {
		AssessmentFixtures.clear(jdbc);
	}

	@Test
	void staffStartAnAssessmentOnceAndReadTheGapAndTheLiveFigures() throws Exception {
		var choose = send(get("/assessments/new"), KD_STAFF);
		assertThat(choose.getStatus()).isEqualTo(200);
		assertThat(choose.getContentAsString()).contains("示范县测评指标（演示）", "/assessments/new?framework=" + framework);
		var form = send(get("/assessments/new").param("framework", String.valueOf(framework)), KD_STAFF);
		assertThat(form.getContentAsString()).contains("<option value=\"513301\"", "康定市").doesNotContain("泸定县");

		var token = UUID.randomUUID().toString();
		var year = String.valueOf(ChinaTime.today(clock).getYear());
		var created = send(post("/assessments").param("submission", token).param("frameworkId", String.valueOf(framework))
			.param("regionCode", "513301").param("year", year).param("purpose", "APPLICATION"), KD_STAFF);
		assertThat(created.getStatus()).isEqualTo(302);
		var again = send(post("/assessments").param("submission", token).param("frameworkId", String.valueOf(framework))
			.param("regionCode", "513301").param("year", year).param("purpose", "APPLICATION"), KD_STAFF);
		assertThat(again.getRedirectedUrl()).isEqualTo(created.getRedirectedUrl());
		assertThat(jdbc.queryForObject("select count(*) from assessment where created_by = ?", Long.class, KD_STAFF)).isEqualTo(1);

		var page = send(get(created.getRedirectedUrl()), KD_STAFF);
		assertThat(page.getStatus()).isEqualTo(200);
		var html = page.getContentAsString();
		assertThat(html).contains("id=\"demonstration-banner\"", "为什么未达标", "距达标线还差 90 分", "还有 58 条未自评（按 0 分计）",
				"已自评 0/66", "href=\"/coverage?region=513301\"", "结对覆盖率", "href=\"/evidence/new?assessment=")
			.contains("href=\"/petitions/figures?region=513301&amp;from=" + year + "-01-01&amp;to=" + year + "-12-31\"");
		// The list counts it, with its state.
		var list = send(get("/assessments"), KD_STAFF).getContentAsString();
		assertThat(list).contains("康定市", "草稿", "申报");
	}

	@Test
	void aRefusedScoreComesBackBesideItsRowWithWhatWasTyped() throws Exception {
		var id = create();
		var article = jdbc.queryForObject("""
				select n.id from indicator_node n where n.framework_id = ? and n.code = '1.1.1'""", Long.class, framework);
		var version = jdbc.queryForObject("select version from assessment where id = ?", Long.class, id);
		var refused = send(post("/assessments/" + id + "/nodes/" + article).param("version", String.valueOf(version))
			.param("score", "1.234").param("note", "我们写的说明"), KD_STAFF);
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString()).contains("自评未保存，请按提示修改。", "value=\"1.234\"", "我们写的说明");
		var stale = send(post("/assessments/" + id + "/nodes/" + article).param("version", String.valueOf(version - 1))
			.param("score", "1"), KD_STAFF);
		assertThat(stale.getStatus()).isEqualTo(422);
		assertThat(stale.getContentAsString()).contains("测评已被他人修改，请刷新后再操作。");
		var saved = send(post("/assessments/" + id + "/nodes/" + article).param("version", String.valueOf(version))
			.param("score", "0").param("note", "未建立"), KD_STAFF);
		assertThat(saved.getStatus()).isEqualTo(302);
		assertThat(jdbc.queryForObject("select self_note from assessment_score where assessment_id = ? and node_id = ?",
				String.class, id, article)).isEqualTo("未建立");
		var submit = send(post("/assessments/" + id + "/submit").param("version", String.valueOf(version + 1)), KD_STAFF);
		assertThat(submit.getStatus()).isEqualTo(422);
		assertThat(submit.getContentAsString()).contains("还有条目没有自评得分，全部自评后才能提交。");
	}

	@Test
	void anotherCountysAssessmentAnswersExactlyAsAMissingOne() throws Exception {
		var id = create();
		var outside = send(get("/assessments/" + id), LD_STAFF);
		var missing = send(get("/assessments/" + Long.MAX_VALUE), LD_STAFF);
		assertThat(outside.getStatus()).isEqualTo(404);
		assertThat(missing.getStatus()).isEqualTo(404);
		assertThat(outside.getHeaderNames()).isEqualTo(missing.getHeaderNames());
		assertThat(outside.getContentType()).isEqualTo(missing.getContentType());
		assertThat(outside.getContentAsString().replace(String.valueOf(id), "ID"))
			.isEqualTo(missing.getContentAsString().replace(String.valueOf(Long.MAX_VALUE), "ID"));
		assertThat(send(get("/assessments"), LD_STAFF).getContentAsString()).doesNotContain("康定市");
	}

	@Test
	void aReviewerReadsTheAssessmentOnlyWhileTheirAssignmentLasts() throws Exception {
		var id = create();
		var institution = jdbc.queryForObject("""
				insert into evaluating_institution (region_code, name, created_by) values ('5133', '页面测试评估机构', 'as_kd_admin')
				on conflict (region_code, name) do update set name = excluded.name returning id""", Long.class);
		jdbc.update("""
				insert into reviewer_assignment (assessment_id, user_name, institution_id, starts_on, ends_on, assigned_by)
				values (?, 'gz_reviewer', ?, current_date - 1, current_date + 30, 'as_kd_admin')""", id, institution);
		var assigned = send(get("/assessments/" + id), "gz_reviewer");
		assertThat(assigned.getStatus()).isEqualTo(200);
		assertThat(assigned.getContentAsString()).contains("康定市", "示范县测评指标（演示）").doesNotContain("name=\"score\"");
		jdbc.update("update reviewer_assignment set ends_on = current_date - 1, starts_on = current_date - 10 where assessment_id = ?", id);
		var ended = send(get("/assessments/" + id), "gz_reviewer");
		var missing = send(get("/assessments/" + Long.MAX_VALUE), "gz_reviewer");
		assertThat(ended.getStatus()).isEqualTo(404);
		assertThat(ended.getContentAsString().replace(String.valueOf(id), "ID"))
			.isEqualTo(missing.getContentAsString().replace(String.valueOf(Long.MAX_VALUE), "ID"));
	}

	private long create() throws Exception {
		var created = send(post("/assessments").param("submission", UUID.randomUUID().toString())
			.param("frameworkId", String.valueOf(framework)).param("year", String.valueOf(ChinaTime.today(clock).getYear()))
			.param("purpose", "SELF_CHECK"), KD_STAFF);
		assertThat(created.getStatus()).isEqualTo(302);
		return Long.parseLong(created.getRedirectedUrl().substring("/assessments/".length()));
	}

	private <B extends AbstractMockHttpServletRequestBuilder<B>> MockHttpServletResponse send(B request, String username)
			throws Exception {
		return mvc.perform(request.with(csrf()).with(user(users.loadUserByUsername(username))).header("Accept", "text/html")
			.header("Accept-Language", "zh-CN")).andReturn().getResponse();
	}

}
