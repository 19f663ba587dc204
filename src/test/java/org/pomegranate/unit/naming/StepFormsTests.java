package org.pomegranate.unit.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pomegranate.unit.naming.NamingFixtures.PREFECTURE_ADMIN;
import static org.pomegranate.unit.naming.NamingFixtures.PREFECTURE_SUPERVISOR;
import static org.pomegranate.unit.naming.NamingFixtures.signIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.unit.naming.NamingForms.RecheckForm;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The forms of the title page and of a batch as a user sends them: a refused step comes back
 * (422) with what was typed and the problem beside its field, never as a redirect that loses it;
 * the batch form carries its CSRF token, keeps the chooser and the holders chosen through a
 * refusal, a new filter and the confirmation's 返回.
 */
@IntegrationTest
class StepFormsTests {

	@Autowired
	NamingService namings;

	@Autowired
	RecheckService rechecks;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	MockMvc mvc;

	/** Today, read while signed in: a request through MockMvc leaves the test signed out. */
	String today;

	@BeforeEach
	void users() {
		NamingFixtures.users(jdbc);
	}

	@AfterEach
	void signOut() {
		NamingFixtures.signOut();
	}

	@Test
	void aRefusedNamingKeepsTheDateTypedAndSaysWhichFieldIsMissing() throws Exception {
		signIn(users, PREFECTURE_ADMIN);
		var application = namings.file(NamingFixtures.application("R:" + NamingFixtures.freshTownship(jdbc, "513201"),
				NamingFixtures.title(), NamingLevel.PREFECTURE, null));
		var page = send(post("/namings/{id}/name", application.getId()).param("decisionNumber", " ")
			.param("namedOn", "2026-03-04")
			.param("version", String.valueOf(application.getVersion())), PREFECTURE_ADMIN);

		assertThat(page.getStatus()).isEqualTo(422);
		var body = page.getContentAsString();
		assertThat(alert(body)).isEqualTo("请填写此项。");
		assertThat(input(body, "namedOn")).contains("value=\"2026-03-04\"");
		assertThat(input(body, "decisionNumber")).contains("is-invalid");
		assertThat(body).contains("<div class=\"invalid-feedback\">请填写此项。</div>");
		signIn(users, PREFECTURE_ADMIN);
		assertThat(namings.get(application.getId()).getState()).isEqualTo(NamingState.APPLIED);
	}

	@Test
	void aStaleRefusalKeepsTheReasonTyped() throws Exception {
		signIn(users, PREFECTURE_ADMIN);
		var application = namings.file(NamingFixtures.application("R:" + NamingFixtures.freshTownship(jdbc, "513201"),
				NamingFixtures.title(), NamingLevel.PREFECTURE, null));
		var page = send(post("/namings/{id}/refuse", application.getId()).param("note", "材料不全，请补充走访台账")
			.param("version", String.valueOf(application.getVersion() + 7)), PREFECTURE_ADMIN);

		assertThat(page.getStatus()).isEqualTo(422);
		var body = page.getContentAsString();
		assertThat(alert(body)).startsWith("该记录已被他人修改");
		assertThat(input(body, "refuse-note")).contains("value=\"材料不全，请补充走访台账\"");
	}

	@Test
	void aRefusedRecheckResultKeepsEverythingTyped() throws Exception {
		signIn(users, PREFECTURE_ADMIN);
		var title = NamingFixtures.named(namings, users, PREFECTURE_ADMIN, "R:" + NamingFixtures.freshTownship(jdbc, "513201"),
				NamingFixtures.title(), NamingLevel.PREFECTURE, namings.today());
		signIn(users, PREFECTURE_SUPERVISOR);
		var recheck = rechecks.start(title.getId(), new RecheckForm(RecheckKind.AD_HOC, namings.today().toString(), null,
				title.getVersion()));
		var page = send(post("/naming-rechecks/{id}/result", recheck.getId()).param("checkedOn", namings.today().toString())
			.param("inspectors", "州民宗委 杨某")
			.param("findings", "台账缺失\n活动未开展")
			.param("result", "REVOKE")
			.param("reason", "复查不合格")
			.param("documentNumber", "")
			.param("revokedOn", namings.today().toString())
			.param("version", String.valueOf(recheck.getVersion())), PREFECTURE_SUPERVISOR);

		assertThat(page.getStatus()).isEqualTo(422);
		var body = page.getContentAsString();
		assertThat(alert(body)).isEqualTo("请填写此项。");
		assertThat(input(body, "inspectors")).contains("value=\"州民宗委 杨某\"");
		assertThat(body).contains(">台账缺失\n活动未开展</textarea>");
		assertThat(body).containsPattern("<option value=\"REVOKE\" selected=\"selected\">撤销命名</option>");
		assertThat(input(body, "result-reason")).contains("value=\"复查不合格\"");
		assertThat(input(body, "result-number")).contains("is-invalid");
		signIn(users, PREFECTURE_SUPERVISOR);
		assertThat(namings.get(title.getId()).getState()).isEqualTo(NamingState.UNDER_RECHECK);
	}

	@Test
	void theBatchFormCarriesItsTokenAndKeepsTheChooserAndTheHoldersThroughARefusalAFilterAndTheWayBack()
			throws Exception {
		signIn(users, PREFECTURE_ADMIN);
		today = namings.today().toString();
		var township = NamingFixtures.freshTownship(jdbc, "513201");
		long studio = NamingFixtures.unit(jdbc, township, "批次表单测试工作室");
		long elsewhere = NamingFixtures.unit(jdbc, NamingFixtures.freshTownship(jdbc, "513201"), "批次表单另一工作室");
		var fresh = send(get("/naming-batches/new"), PREFECTURE_ADMIN).getContentAsString();
		var form = fresh.substring(fresh.lastIndexOf("<form", fresh.indexOf("id=\"batch-form\"")));
		assertThat(form.substring(0, form.indexOf(">") + 1)).contains("method=\"post\"").contains("action=\"/naming-batches/new\"");
		assertThat(form.substring(0, form.indexOf("</form>"))).as("the CSRF token the preview needs").contains("name=\"_csrf\"");
		assertThat(fresh).contains("data-check-all=").doesNotContain("onclick=");

		var refused = send(chooser(post("/naming-batches/preview"), township, "").param("holders", "U:" + studio,
				"U:" + elsewhere), PREFECTURE_ADMIN);
		assertThat(refused.getStatus()).isEqualTo(422);
		var body = refused.getContentAsString();
		assertThat(input(body, "decisionNumber")).contains("is-invalid");
		assertThat(body).contains("<option value=\"UNITS\" selected=\"selected\">创建单位</option>");
		assertThat(checkbox(body, "U:" + studio)).contains("checked=\"checked\"");
		assertThat(body).contains("批次表单测试工作室</span>")
			.contains(regionName(township) + "</span></label>")
			.doesNotContain(">" + township + "</span>");
		assertThat(body).contains("<input type=\"hidden\" name=\"holders\" value=\"U:" + elsewhere + "\">")
			.contains("另有 1 个已选对象不在当前列表中，仍在名单内。");

		var refiltered = send(chooser(post("/naming-batches/new"), township, "阿民宗〔2026〕77号").param("holders",
				"U:" + studio), PREFECTURE_ADMIN);
		assertThat(refiltered.getStatus()).isEqualTo(200);
		assertThat(input(refiltered.getContentAsString(), "decisionNumber")).contains("value=\"阿民宗〔2026〕77号\"");
		assertThat(checkbox(refiltered.getContentAsString(), "U:" + studio)).contains("checked=\"checked\"");

		var confirmation = send(chooser(post("/naming-batches/preview"), township, "阿民宗〔2026〕77号").param("holders",
				"U:" + studio), PREFECTURE_ADMIN).getContentAsString();
		assertThat(confirmation).contains("共 1 个命名对象").contains("<td>" + regionName(township) + "</td>");
		var back = confirmation.substring(confirmation.indexOf("id=\"batch-back-form\""));
		assertThat(back).contains("name=\"holders\" value=\"U:" + studio + "\"")
			.contains("name=\"source\" value=\"UNITS\"")
			.contains("name=\"region\" value=\"" + township + "\"")
			.contains("name=\"unitKind\" value=\"WORK_STUDIO\"")
			.contains("name=\"decisionNumber\" value=\"阿民宗〔2026〕77号\"")
			.contains("name=\"_csrf\"");
		assertThat(confirmation).contains("form=\"batch-back-form\" id=\"batch-back\"");
	}

	private MockHttpServletRequestBuilder chooser(MockHttpServletRequestBuilder request, String township,
			String decisionNumber) {
		return request.param("submission", UUID.randomUUID().toString())
			.param("title", "批次表单测试称号")
			.param("level", "PREFECTURE")
			.param("year", "2026")
			.param("number", "977")
			.param("decisionNumber", decisionNumber)
			.param("decidedOn", today)
			.param("source", "UNITS")
			.param("region", township)
			.param("unitKind", "WORK_STUDIO");
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request, String username) throws Exception {
		return mvc.perform(request.with(csrf()).with(user(users.loadUserByUsername(username)))).andReturn().getResponse();
	}

	private String regionName(String code) {
		return jdbc.queryForObject("select name from region where code = ?", String.class, code);
	}

	/** The page's danger alert, as the user reads it. */
	private static String alert(String body) {
		var matcher = Pattern.compile("class=\"alert alert-danger[^>]*>\\s*<span>([^<]*)</span>").matcher(body);
		assertThat(matcher.find()).as("an alert on the page").isTrue();
		return matcher.group(1);
	}

	/** The tag of the input with {@code id}. */
	private static String input(String body, String id) {
		var matcher = Pattern.compile("<input[^>]*id=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(body);
		assertThat(matcher.find()).as("input #" + id).isTrue();
		return matcher.group();
	}

	/** The tag of the chooser's checkbox for {@code key}. */
	private static String checkbox(String body, String key) {
		var matcher = Pattern.compile("<input[^>]*type=\"checkbox\" name=\"holders\" value=\"" + Pattern.quote(key) + "\"[^>]*>")
			.matcher(body);
		assertThat(matcher.find()).as("a checkbox for " + key).isTrue();
		return matcher.group();
	}

}
