package org.pomegranate.assessment.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pomegranate.assessment.review.ReviewFixtures.GZ_ADMIN;
import static org.pomegranate.assessment.review.ReviewFixtures.INSTITUTION;
import static org.pomegranate.assessment.review.ReviewFixtures.KD_ADMIN;
import static org.pomegranate.assessment.review.ReviewFixtures.KD_STAFF;
import static org.pomegranate.assessment.review.ReviewFixtures.LD_ADMIN;
import static org.pomegranate.assessment.review.ReviewFixtures.OTHER_REVIEWER;
import static org.pomegranate.assessment.review.ReviewFixtures.REVIEWER;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.assessment.framework.NodeLevel;
import org.pomegranate.assessment.workflow.AssessmentDrafts;
import org.pomegranate.assessment.workflow.AssessmentForms.SelfScoreForm;
import org.pomegranate.assessment.workflow.AssessmentSheet;
import org.pomegranate.assessment.workflow.AssessmentSheets;
import org.pomegranate.shared.ChinaTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * 第三方评估 in the browser's terms: the prefecture's admin registers an institution, attaches a
 * reviewer and assigns them to 康定市's submitted assessment; the reviewer finds it on the home
 * page and in 我的评估任务, starts, scores every node, returns one article, sends it back; the
 * county resubmits; the reviewer scores it again, writes the report and finishes, and the page
 * shows the evaluator's total and verdict. A reviewer not assigned, or whose window ended, gets
 * exactly the 404 of a missing assessment; institutions and assignments keep to the admin's region.
 */
@IntegrationTest
class ReviewPagesTests {

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

	long framework;

	@BeforeEach
	void users() {
		ReviewFixtures.users(jdbc);
		ReviewFixtures.clear(jdbc);
		framework = ReviewFixtures.demoCountyFramework(jdbc);
	}

	@AfterEach
	void clear() {
		ReviewFixtures.signOut();
		ReviewFixtures.clear(jdbc);
	}

	@Test
	void aReviewerEvaluatesASubmittedAssessmentFromAssignmentToFinish() throws Exception {
		var self = submitted(2003);
		long id = self.id();
		var institution = institutionWithReviewer(GZ_ADMIN, "5133", REVIEWER);
		assertThat(send(get("/institutions"), GZ_ADMIN).getContentAsString())
			.contains("href=\"/assessments/" + id + "/assignments\"", "康定市");
		var today = ChinaTime.today(clock);
		var assigned = send(post("/assessments/" + id + "/assignments").param("reviewer", REVIEWER)
			.param("startsOn", today.toString()).param("endsOn", today.plusDays(30).toString()), GZ_ADMIN);
		assertThat(assigned.getStatus()).isEqualTo(302);
		var assignments = send(get("/assessments/" + id + "/assignments"), GZ_ADMIN).getContentAsString();
		assertThat(assignments).contains(INSTITUTION + "甲", REVIEWER, "进行中", today + " — " + today.plusDays(30));
		assertThat(jdbc.queryForObject("select count(*) from audit_event where entity_type = 'reviewer-assignment' and summary like ?",
				Long.class, "指派 " + REVIEWER + "%")).isEqualTo(1);

		var home = send(get("/"), REVIEWER).getContentAsString();
		assertThat(home).contains("id=\"reviewer-tasks\"", "您有 1 项正在进行的评估任务。", "href=\"/reviews\"");
		var tasks = send(get("/reviews"), REVIEWER).getContentAsString();
		assertThat(tasks).contains("康定市 2003", "示范县测评指标（演示）", "已提交", "还剩 30 天", "href=\"/reviews/" + id + "\"");

		var page = send(get("/reviews/" + id), REVIEWER);
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("id=\"start\"").doesNotContain("class=\"score-form");
		assertThat(send(post("/reviews/" + id + "/start").param("version", version(id)), REVIEWER).getStatus()).isEqualTo(302);
		assertThat(state(id)).isEqualTo("UNDER_REVIEW");

		// The evaluator agrees with every self score, then returns the first article that scored.
		for (var entry : self.scores().entrySet()) {
			var scored = send(post("/reviews/" + id + "/nodes/" + entry.getKey() + "/score").param("version", version(id))
				.param("score", entry.getValue().toPlainString()).param("note", "核实无误"), REVIEWER);
			assertThat(scored.getStatus()).as("node " + entry.getKey()).isEqualTo(302);
		}
		long returned = self.scores().entrySet().stream()
			.filter(entry -> entry.getValue().signum() > 0 && article(entry.getKey()))
			.findFirst()
			.orElseThrow()
			.getKey();
		var noReason = send(post("/reviews/" + id + "/nodes/" + returned + "/return").param("version", version(id))
			.param("reason", "　"), REVIEWER);
		assertThat(noReason.getStatus()).isEqualTo(422);
		assertThat(noReason.getContentAsString()).contains("请填写此项。");
		assertThat(send(post("/reviews/" + id + "/nodes/" + returned + "/return").param("version", version(id))
			.param("reason", "请补充会议照片"), REVIEWER).getStatus()).isEqualTo(302);
		var early = send(post("/reviews/" + id + "/finish").param("version", version(id)), REVIEWER);
		assertThat(early.getStatus()).isEqualTo(422);
		assertThat(early.getContentAsString()).contains("还有退回补充的条目未处理。");
		assertThat(send(post("/reviews/" + id + "/send-back").param("version", version(id)), REVIEWER).getStatus())
			.isEqualTo(302);
		assertThat(state(id)).isEqualTo("RETURNED");
		assertThat(send(get("/assessments/" + id), KD_STAFF).getContentAsString()).contains("请补充会议照片");

		// The county answers the return and resubmits; the reviewer's earlier score of it no longer stands.
		ReviewFixtures.signIn(users, KD_STAFF);
		drafts.scoreSelf(id, returned, new SelfScoreForm(self.scores().get(returned).toPlainString(), "已补充照片", null,
				Long.parseLong(version(id))));
		drafts.resubmit(id, Long.parseLong(version(id)));
		ReviewFixtures.signOut();
		assertThat(state(id)).isEqualTo("RESUBMITTED");
		assertThat(send(post("/reviews/" + id + "/start").param("version", version(id)), REVIEWER).getStatus()).isEqualTo(302);
		var unscored = send(post("/reviews/" + id + "/finish").param("version", version(id)), REVIEWER);
		assertThat(unscored.getContentAsString()).contains("还有条目没有评估得分。");

		var tooMuch = send(post("/reviews/" + id + "/nodes/" + returned + "/score").param("version", version(id))
			.param("score", "999").param("note", "写下的评语"), REVIEWER);
		assertThat(tooMuch.getStatus()).isEqualTo(422);
		assertThat(tooMuch.getContentAsString()).contains("请填写这一条允许的分值", "value=\"999\"", "写下的评语");
		var stale = send(post("/reviews/" + id + "/nodes/" + returned + "/score").param("version", "0").param("score", "0"),
				REVIEWER);
		assertThat(stale.getContentAsString()).contains("测评已被他人修改，请刷新后再操作。");
		assertThat(send(post("/reviews/" + id + "/nodes/" + returned + "/score").param("version", version(id))
			.param("score", "0").param("note", "照片仍不能说明"), REVIEWER).getStatus()).isEqualTo(302);
		var noReport = send(post("/reviews/" + id + "/finish").param("version", version(id)), REVIEWER);
		assertThat(noReport.getContentAsString()).contains("请先填写评估报告。");
		assertThat(send(post("/reviews/" + id + "/report").param("version", version(id)).param("text", "总体达到要求。"),
				REVIEWER).getStatus()).isEqualTo(302);
		assertThat(send(post("/reviews/" + id + "/finish").param("version", version(id)), REVIEWER).getStatus()).isEqualTo(302);
		assertThat(state(id)).isEqualTo("EVALUATED");

		// The hand count: the self scores of the articles, less the returned one's, which now has 0.
		var expected = BigDecimal.ZERO;
		for (var entry : self.scores().entrySet()) {
			if (article(entry.getKey()) && entry.getKey() != returned) {
				expected = expected.add(entry.getValue());
			}
		}
		var passMark = jdbc.queryForObject("select pass_mark from indicator_framework where id = ?", BigDecimal.class, framework);
		var finished = send(get("/reviews/" + id), REVIEWER).getContentAsString();
		assertThat(cell(finished, "evaluator-total")).isEqualTo(expected.stripTrailingZeros().toPlainString());
		assertThat(cell(finished, "evaluated-count")).isEqualTo("已评估 " + self.scores().size() + "/" + self.scores().size());
		assertThat(finished).contains(expected.compareTo(passMark) >= 0 ? "按评估得分达标" : "按评估得分未达标", "总体达到要求。")
			.doesNotContain("class=\"score-form").doesNotContain("id=\"finish\"");
		int appealDays = jdbc.queryForObject("select appeal_days from indicator_framework where id = ?", Integer.class, framework);
		if (appealDays > 0) {
			assertThat(finished).contains("申诉截止 " + today.plusDays(appealDays));
		}
		assertThat(jdbc.queryForObject("select evaluator_total from assessment where id = ?", BigDecimal.class, id))
			.isEqualByComparingTo(expected);
		assertThat(institution).isPositive();
	}

	@Test
	void anAppealIsAnsweredArticleByArticleThenClosed() throws Exception {
		long id = submitted(2004).id();
		institutionWithReviewer(GZ_ADMIN, "5133", REVIEWER);
		assign(id, REVIEWER);
		var node = jdbc.queryForObject("select id from indicator_node where framework_id = ? and code = '1.1.1'", Long.class,
				framework);
		// The holder's appeal has no page yet: the state it leaves is written directly.
		jdbc.update("update assessment_score set evaluator_score = 0, appeal_text = '我们有会议记录' where assessment_id = ? and node_id = ?",
				id, node);
		jdbc.update("update assessment set state = 'APPEALED' where id = ?", id);
		var page = send(get("/reviews/" + id), REVIEWER).getContentAsString();
		assertThat(page).contains("申诉：我们有会议记录", "class=\"answer-form\"").doesNotContain("id=\"close-appeals\"");
		var points = jdbc.queryForObject("select points from indicator_node where id = ?", BigDecimal.class, node);
		assertThat(send(post("/reviews/" + id + "/nodes/" + node + "/answer").param("version", version(id))
			.param("answer", "核实后改判").param("score", points.toPlainString()), REVIEWER).getStatus()).isEqualTo(302);
		assertThat(send(get("/reviews/" + id), REVIEWER).getContentAsString()).contains("答复：核实后改判", "id=\"close-appeals\"");
		assertThat(send(post("/reviews/" + id + "/close-appeals").param("version", version(id)), REVIEWER).getStatus())
			.isEqualTo(302);
		assertThat(state(id)).isEqualTo("EVALUATED");
		assertThat(jdbc.queryForObject("select evaluator_score from assessment_score where assessment_id = ? and node_id = ?",
				BigDecimal.class, id, node)).isEqualByComparingTo(points);
	}

	@Test
	void aReviewerNotAssignedOrWhoseWindowEndedGetsTheNotFoundOfAMissingAssessment() throws Exception {
		long id = submitted(2005).id();
		institutionWithReviewer(GZ_ADMIN, "5133", REVIEWER);
		assign(id, REVIEWER);
		assertThat(send(get("/reviews/" + id), REVIEWER).getStatus()).isEqualTo(200);
		sameAsMissing(id, OTHER_REVIEWER);
		var assignment = jdbc.queryForObject("select id from reviewer_assignment where assessment_id = ?", Long.class, id);
		// An admin of another county may not even end it: the assessment is missing to them.
		assertThat(send(post("/assessments/" + id + "/assignments/" + assignment + "/end"), LD_ADMIN).getStatus()).isEqualTo(404);
		assertThat(send(post("/assessments/" + id + "/assignments/" + assignment + "/end"), GZ_ADMIN).getStatus())
			.isEqualTo(302);
		sameAsMissing(id, REVIEWER);
		assertThat(send(post("/reviews/" + id + "/start").param("version", version(id)), REVIEWER).getStatus()).isEqualTo(404);
		assertThat(send(get("/reviews"), REVIEWER).getContentAsString()).contains("不在评估期内")
			.doesNotContain("href=\"/reviews/" + id + "\"");
		// A window that ended yesterday is the same.
		assign(id, REVIEWER);
		jdbc.update("update reviewer_assignment set starts_on = current_date - 10, ends_on = current_date - 1 "
				+ "where assessment_id = ? and ended_at is null", id);
		sameAsMissing(id, REVIEWER);
	}

	@Test
	void institutionsAndAssignmentsKeepToTheAdminsRegion() throws Exception {
		long id = submitted(2006).id();
		long prefecture = institutionWithReviewer(GZ_ADMIN, "5133", REVIEWER);
		// The county's admin does not see the prefecture's institution, and may not register one in another county.
		assertThat(send(get("/institutions"), KD_ADMIN).getContentAsString()).doesNotContain(INSTITUTION + "甲");
		var outside = send(get("/institutions/" + prefecture), KD_ADMIN);
		var missing = send(get("/institutions/" + Long.MAX_VALUE), KD_ADMIN);
		assertThat(outside.getStatus()).isEqualTo(404);
		assertThat(outside.getContentAsString().replace(String.valueOf(prefecture), "ID"))
			.isEqualTo(missing.getContentAsString().replace(String.valueOf(Long.MAX_VALUE), "ID"));
		var elsewhere = send(post("/institutions").param("submission", UUID.randomUUID().toString())
			.param("name", INSTITUTION + "乙").param("regionCode", "513322"), KD_ADMIN);
		assertThat(elsewhere.getStatus()).isEqualTo(422);
		assertThat(elsewhere.getContentAsString()).contains("请选择您管辖范围内的地区。", "value=\"" + INSTITUTION + "乙\"");
		var blank = send(post("/institutions").param("submission", UUID.randomUUID().toString()).param("name", "")
			.param("regionCode", "513301"), KD_ADMIN);
		assertThat(blank.getStatus()).isEqualTo(422);
		assertThat(blank.getContentAsString()).contains("请填写此项。");
		var duplicate = send(post("/institutions").param("submission", UUID.randomUUID().toString())
			.param("name", INSTITUTION + "甲").param("regionCode", "5133"), GZ_ADMIN);
		assertThat(duplicate.getContentAsString()).contains("这一地区已登记同名的评估机构。");

		// A county institution may not take a reviewer placed above the county, nor one of another institution.
		long county = institution(KD_ADMIN, "513301", INSTITUTION + "丙");
		var above = send(post("/institutions/" + county + "/reviewers").param("username", OTHER_REVIEWER), KD_ADMIN);
		assertThat(above.getStatus()).isEqualTo(422);
		assertThat(above.getContentAsString()).contains("在您的管辖范围内没有这个用户名的第三方评估账号。", "value=\"" + OTHER_REVIEWER + "\"");
		var staff = send(post("/institutions/" + prefecture + "/reviewers").param("username", KD_STAFF), GZ_ADMIN);
		assertThat(staff.getContentAsString()).contains("在您的管辖范围内没有这个用户名的第三方评估账号。");
		long second = institution(GZ_ADMIN, "5133", INSTITUTION + "丁");
		var taken = send(post("/institutions/" + second + "/reviewers").param("username", REVIEWER), GZ_ADMIN);
		assertThat(taken.getContentAsString()).contains("这个账号已属于另一家评估机构，请先从那里移除。");

		// Assignments: only the holder's region or above; only a reviewer of an institution serving the holder.
		var other = send(get("/assessments/" + id + "/assignments"), LD_ADMIN);
		var none = send(get("/assessments/" + Long.MAX_VALUE + "/assignments"), LD_ADMIN);
		assertThat(other.getStatus()).isEqualTo(404);
		assertThat(other.getContentAsString().replace(String.valueOf(id), "ID"))
			.isEqualTo(none.getContentAsString().replace(String.valueOf(Long.MAX_VALUE), "ID"));
		var stranger = send(post("/assessments/" + id + "/assignments").param("reviewer", OTHER_REVIEWER)
			.param("startsOn", "2026-01-01").param("endsOn", "2025-01-01"), KD_ADMIN);
		assertThat(stranger.getStatus()).isEqualTo(422);
		assertThat(stranger.getContentAsString()).contains("请选择本地区或上级地区评估机构的评估人员。", "评估期结束日期不能早于开始日期。");
		var countyPage = send(get("/assessments/" + id + "/assignments"), KD_ADMIN).getContentAsString();
		assertThat(countyPage).contains(INSTITUTION + "甲").doesNotContain(OTHER_REVIEWER);
		var today = ChinaTime.today(clock);
		assertThat(send(post("/assessments/" + id + "/assignments").param("reviewer", REVIEWER)
			.param("startsOn", today.toString()).param("endsOn", today.toString()), KD_ADMIN).getStatus()).isEqualTo(302);
		var twice = send(post("/assessments/" + id + "/assignments").param("reviewer", REVIEWER)
			.param("startsOn", today.toString()).param("endsOn", today.toString()), KD_ADMIN);
		assertThat(twice.getContentAsString()).contains("这位评估人员已有这份测评未结束的指派。");

		// Detaching keeps the assignments made; the reviewer may then join another institution.
		assertThat(send(post("/institutions/" + prefecture + "/reviewers/" + REVIEWER + "/detach"), GZ_ADMIN).getStatus())
			.isEqualTo(302);
		assertThat(send(get("/institutions/" + prefecture), GZ_ADMIN).getContentAsString()).contains("这个机构还没有评估人员。");
		assertThat(send(post("/institutions/" + second + "/reviewers").param("username", REVIEWER), GZ_ADMIN).getStatus())
			.isEqualTo(302);
		assertThat(send(get("/reviews/" + id), REVIEWER).getStatus()).isEqualTo(200);
	}

	private record Submitted(long id, Map<Long, BigDecimal> scores) {
	}

	/** 康定市's assessment of {@code year}, every node self-scored and submitted by the county's staff. */
	private Submitted submitted(int year) {
		ReviewFixtures.signIn(users, KD_STAFF);
		try {
			var id = drafts.create(ReviewFixtures.newAssessment(framework, year)).getId();
			AssessmentSheet sheet = sheets.sheet(id);
			var scores = ReviewFixtures.scoreEverything(drafts, sheet, () -> Long.parseLong(version(id)));
			drafts.submit(id, Long.parseLong(version(id)));
			return new Submitted(id, scores);
		}
		finally {
			ReviewFixtures.signOut();
		}
	}

	private long institutionWithReviewer(String admin, String region, String reviewer) throws Exception {
		long id = institution(admin, region, INSTITUTION + "甲");
		assertThat(send(post("/institutions/" + id + "/reviewers").param("username", reviewer), admin).getStatus()).isEqualTo(302);
		assertThat(send(get("/institutions/" + id), admin).getContentAsString()).contains(reviewer);
		return id;
	}

	private long institution(String admin, String region, String name) throws Exception {
		var token = UUID.randomUUID().toString();
		var registered = send(post("/institutions").param("submission", token).param("name", name).param("regionCode", region),
				admin);
		assertThat(registered.getStatus()).isEqualTo(302);
		var again = send(post("/institutions").param("submission", token).param("name", name).param("regionCode", region), admin);
		assertThat(again.getRedirectedUrl()).isEqualTo(registered.getRedirectedUrl());
		return Long.parseLong(registered.getRedirectedUrl().substring("/institutions/".length()));
	}

	private void assign(long id, String reviewer) throws Exception {
		var today = ChinaTime.today(clock);
		assertThat(send(post("/assessments/" + id + "/assignments").param("reviewer", reviewer)
			.param("startsOn", today.toString()).param("endsOn", today.plusDays(10).toString()), GZ_ADMIN).getStatus())
			.isEqualTo(302);
	}

	private void sameAsMissing(long id, String reviewer) throws Exception {
		var outside = send(get("/reviews/" + id), reviewer);
		var missing = send(get("/reviews/" + Long.MAX_VALUE), reviewer);
		assertThat(outside.getStatus()).isEqualTo(404);
		assertThat(missing.getStatus()).isEqualTo(404);
		assertThat(outside.getHeaderNames()).isEqualTo(missing.getHeaderNames());
		assertThat(outside.getContentType()).isEqualTo(missing.getContentType());
		assertThat(outside.getContentAsString().replace(String.valueOf(id), "ID"))
			.isEqualTo(missing.getContentAsString().replace(String.valueOf(Long.MAX_VALUE), "ID"));
	}

	private boolean article(long nodeId) {
		return NodeLevel.ARTICLE.name()
			.equals(jdbc.queryForObject("select level from indicator_node where id = ?", String.class, nodeId));
	}

	private String version(long id) {
		return String.valueOf(jdbc.queryForObject("select version from assessment where id = ?", Long.class, id));
	}

	private String state(long id) {
		return jdbc.queryForObject("select state from assessment where id = ?", String.class, id);
	}

	/** The text of the element with {@code id}, tags stripped and spaces collapsed. */
	private static String cell(String html, String id) {
		int start = html.indexOf("id=\"" + id + "\"");
		assertThat(start).as(id).isPositive();
		int open = html.indexOf('>', start) + 1;
		int close = html.indexOf("</", open);
		return html.substring(open, close).replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip();
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request, String username) throws Exception {
		return mvc.perform(request.with(csrf()).with(user(users.loadUserByUsername(username))))
			.andReturn()
			.getResponse();
	}

}
