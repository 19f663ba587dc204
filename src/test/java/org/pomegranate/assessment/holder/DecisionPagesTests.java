package org.pomegranate.assessment.holder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pomegranate.assessment.holder.AssessmentFixtures.GZ_ADMIN;
import static org.pomegranate.assessment.holder.AssessmentFixtures.KD_ADMIN;
import static org.pomegranate.assessment.holder.AssessmentFixtures.KD_STAFF;
import static org.pomegranate.assessment.holder.AssessmentFixtures.KD_SUPERVISOR;
import static org.pomegranate.assessment.holder.AssessmentFixtures.LD_STAFF;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.time.Clock;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.assessment.workflow.AssessmentDrafts;
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
 * 评估结果与确认 as the holder's staff and the two approval levels read it: an appeal needs its
 * reason and only within the window; nobody confirms while the window is open; an adopted score
 * other than the evaluator's needs the reason; 康定市's admin confirms first, 甘孜州's second, and
 * the last confirmation locks the assessment with the adopted total the page shows.
 */
@IntegrationTest
class DecisionPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AssessmentDrafts drafts;

	@Autowired
	AssessmentSheets sheets;

	@Autowired
	Clock clock;

	long id;

	long article;

	@BeforeEach
	void evaluatedAssessment() {
		AssessmentFixtures.users(jdbc);
		AssessmentFixtures.clear(jdbc);
		var framework = AssessmentFixtures.demoCountyFramework(jdbc);
		AssessmentFixtures.signIn(users, KD_STAFF);
		try {
			id = drafts.create(AssessmentFixtures.newAssessment(framework, ChinaTime.today(clock).getYear(), Purpose.APPLICATION))
				.getId();
			AssessmentFixtures.scoreEverything(drafts, sheets.sheet(id), this::version);
			drafts.submit(id, version());
		}
		finally {
			AssessmentFixtures.signOut();
		}
		article = jdbc.queryForObject("select id from indicator_node where framework_id = ? and code = '1.1.1'", Long.class,
				framework);
		// The reviewer's steps are the review tests'; here the evaluator agreed with every self score.
		jdbc.update("update assessment_score set evaluator_score = self_score, evaluator_note = '核实无误', evaluated_by = 'gz_reviewer' "
				+ "where assessment_id = ?", id);
		jdbc.update("update assessment set state = 'EVALUATED', evaluated_on = current_date, appeal_until = current_date + 10, "
				+ "evaluator_total = self_total, report_text = '总体达到示范县标准。', version = version + 1 where id = ?", id);
	}

	@AfterEach
	void clear() {
		AssessmentFixtures.clear(jdbc);
	}

	@Test
	void theHolderAppealsWithAReasonAndNobodyConfirmsWhileTheWindowIsOpen() throws Exception {
		var page = send(get("/assessments/" + id + "/decision"), KD_STAFF);
		assertThat(page.getStatus()).isEqualTo(200);
		var html = Jsoup.parse(page.getContentAsString());
		assertThat(html.select("#report").text()).contains("总体达到示范县标准。");
		assertThat(html.select("#node-" + article + " .evaluator").text()).isEqualTo(html.select("#node-" + article + " .self").text());
		assertThat(html.select("#appeal-window").text()).contains("申诉期至");

		var blank = send(post("/assessments/" + id + "/nodes/" + article + "/appeal").param("version", version() + "")
			.param("text", "  "), KD_STAFF);
		assertThat(blank.getStatus()).isEqualTo(422);
		assertThat(blank.getContentAsString()).contains("请写明申诉理由。");
		var saved = send(post("/assessments/" + id + "/nodes/" + article + "/appeal").param("version", version() + "")
			.param("text", "领导小组文件已于三月印发"), KD_STAFF);
		assertThat(saved.getStatus()).isEqualTo(302);
		assertThat(jdbc.queryForObject("select appeal_text from assessment_score where assessment_id = ? and node_id = ?",
				String.class, id, article)).isEqualTo("领导小组文件已于三月印发");

		var early = send(post("/assessments/" + id + "/confirm").param("version", version() + ""), KD_ADMIN);
		assertThat(early.getStatus()).isEqualTo(422);
		assertThat(early.getContentAsString()).contains("申诉期尚未结束，结束后才能确认。");
		var supervisor = send(get("/assessments/" + id + "/decision"), KD_SUPERVISOR);
		assertThat(Jsoup.parse(supervisor.getContentAsString()).select("form[action$=/confirm], form[action$=/adopt]")).isEmpty();

		var filed = send(post("/assessments/" + id + "/appeals").param("version", version() + ""), KD_STAFF);
		assertThat(filed.getStatus()).isEqualTo(302);
		assertThat(state()).isEqualTo("APPEALED");
	}

	@Test
	void eachApprovalLevelConfirmsInTurnAndTheLastLocksTheAdoptedTotal() throws Exception {
		assertThat(send(post("/assessments/" + id + "/waive-appeal").param("version", version() + ""), KD_STAFF).getStatus())
			.isEqualTo(302);
		var evaluator = jdbc.queryForObject("select evaluator_score from assessment_score where assessment_id = ? and node_id = ?",
				BigDecimal.class, id, article);
		var lower = BigDecimal.ZERO;
		var noReason = send(post("/assessments/" + id + "/nodes/" + article + "/adopt").param("version", version() + "")
			.param("score", lower.toPlainString()), KD_ADMIN);
		assertThat(noReason.getStatus()).isEqualTo(422);
		assertThat(noReason.getContentAsString()).contains("采用的得分与评估得分不同，请写明理由。",
				"value=\"" + lower.toPlainString() + "\"");
		var adopted = send(post("/assessments/" + id + "/nodes/" + article + "/adopt").param("version", version() + "")
			.param("score", lower.toPlainString()).param("reason", "会议记录不全"), KD_ADMIN);
		assertThat(adopted.getStatus()).isEqualTo(302);

		assertThat(send(post("/assessments/" + id + "/confirm").param("version", version() + ""), GZ_ADMIN).getContentAsString())
			.contains("现在应由其他层级的管理员确认。");
		assertThat(send(post("/assessments/" + id + "/confirm").param("version", version() + ""), KD_ADMIN).getStatus())
			.isEqualTo(302);
		assertThat(state()).isEqualTo("EVALUATED");
		var between = Jsoup.parse(send(get("/assessments/" + id + "/decision"), GZ_ADMIN).getContentAsString());
		assertThat(between.select("#approvals").text()).isEqualTo("已确认 1/2 级，下一级：5133");
		assertThat(send(post("/assessments/" + id + "/confirm").param("version", version() + ""), KD_ADMIN).getContentAsString())
			.contains("现在应由其他层级的管理员确认。");

		assertThat(send(post("/assessments/" + id + "/confirm").param("version", version() + ""), GZ_ADMIN).getStatus())
			.isEqualTo(302);
		assertThat(state()).isEqualTo("CONFIRMED");
		var total = jdbc.queryForObject("select adopted_total from assessment where id = ?", BigDecimal.class, id);
		var evaluatorTotal = jdbc.queryForObject("select evaluator_total from assessment where id = ?", BigDecimal.class, id);
		assertThat(total).isEqualByComparingTo(evaluatorTotal.subtract(evaluator.subtract(lower)));
		var locked = Jsoup.parse(send(get("/assessments/" + id + "/decision"), KD_STAFF).getContentAsString());
		assertThat(locked.select("#adopted-total").text()).isEqualTo(total.stripTrailingZeros().toPlainString());
		assertThat(locked.select("#node-" + article + " .adopted-score").text()).isEqualTo(lower.stripTrailingZeros().toPlainString());
		assertThat(locked.select("form[action$=/confirm], form[action$=/adopt], form[action$=/appeal]")).isEmpty();
		assertThat(jdbc.queryForObject("select count(*) from assessment_event where assessment_id = ? and action = 'CONFIRM'",
				Long.class, id)).isEqualTo(2);
	}

	@Test
	void anotherCountysDecisionPageAnswersAsAMissingOne() throws Exception {
		var outside = send(get("/assessments/" + id + "/decision"), LD_STAFF);
		var missing = send(get("/assessments/" + Long.MAX_VALUE + "/decision"), LD_STAFF);
		assertThat(outside.getStatus()).isEqualTo(404);
		assertThat(outside.getContentAsString().replace(String.valueOf(id), "ID"))
			.isEqualTo(missing.getContentAsString().replace(String.valueOf(Long.MAX_VALUE), "ID"));
		var appeal = send(post("/assessments/" + id + "/nodes/" + article + "/appeal").param("version", version() + "")
			.param("text", "越权申诉"), LD_STAFF);
		assertThat(appeal.getStatus()).isEqualTo(404);
		assertThat(jdbc.queryForObject("select appeal_text from assessment_score where assessment_id = ? and node_id = ?",
				String.class, id, article)).isNull();
	}

	private long version() {
		return jdbc.queryForObject("select version from assessment where id = ?", Long.class, id);
	}

	private String state() {
		return jdbc.queryForObject("select state from assessment where id = ?", String.class, id);
	}

	private <B extends AbstractMockHttpServletRequestBuilder<B>> MockHttpServletResponse send(B request, String username)
			throws Exception {
		return mvc.perform(request.with(csrf()).with(user(users.loadUserByUsername(username))).header("Accept", "text/html")
			.header("Accept-Language", "zh-CN")).andReturn().getResponse();
	}

}
