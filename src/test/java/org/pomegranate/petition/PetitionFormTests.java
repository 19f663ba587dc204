package org.pomegranate.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * Registering through the web form: bad input answered in Chinese beside each field, text kept
 * exactly as typed (script tags, emoji, full-width characters) and shown escaped, one petition per
 * form however often it is sent, possible duplicates shown first, attachments judged by their
 * bytes, a visit turned into a petition in one click.
 */
@IntegrationTest
class PetitionFormTests {

	private static final byte[] PDF = "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj<<>>endobj\n".getBytes(StandardCharsets.ISO_8859_1);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Test
	void emptyRequiredFieldsAreNamedInChinese() throws Exception {
		var page = register(Map.of("token", UUID.randomUUID().toString(), "source", "WALK_IN", "urgency", "NORMAL"));
		assertThat(page.getStatus()).isEqualTo(200);
		var body = page.getContentAsString();
		assertThat(body).contains("请填写此项。").contains("请选择诉求类别。").contains("请填写本辖区内的村（社区）代码（12 位）。");
	}

	@Test
	void scriptEmojiAndFullWidthTextIsKeptAsTypedAndShownEscaped() throws Exception {
		var title = "<script>alert('x')</script>取暖🔥困难";
		var description = "ＡＢＣ１２３　全角文字\n第二行 🙏";
		var page = register(registration().titled(title).describedAs(description).withPhone("13812341234").asFields());
		assertThat(page.getStatus()).isEqualTo(302);
		long id = Long.parseLong(page.getRedirectedUrl().replaceAll(".*/", ""));
		assertThat(jdbc.queryForObject("select title from petition where id = ?", String.class, id)).isEqualTo(title);
		assertThat(jdbc.queryForObject("select description from petition where id = ?", String.class, id))
			.isEqualTo(description);
		assertThat(jdbc.queryForObject("select number from petition where id = ?", String.class, id))
			.matches("513301-\\d{4}-\\d{6}");

		var shown = mvc.perform(get("/petitions/{id}", id).with(user(users.loadUserByUsername("kd_staff"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(shown).doesNotContain("<script>alert").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;取暖🔥困难");
		assertThat(shown).contains("ＡＢＣ１２３　全角文字").contains("138****1234").doesNotContain("13812341234");
	}

	@Test
	void lengthsCountCharactersAsPeopleDoAndControlCharactersAreRefused() throws Exception {
		var hundredEmoji = "🔥".repeat(100);
		assertThat(register(registration().titled(hundredEmoji).asFields()).getStatus()).isEqualTo(302);

		var tooLong = register(registration().titled(hundredEmoji + "火").asFields());
		assertThat(tooLong.getStatus()).isEqualTo(200);
		assertThat(tooLong.getContentAsString()).contains("不能超过 100 个字。").contains(hundredEmoji + "火");

		// Refused at the edge (ControlCharacterFilter, whose page ControlCharactersTests reads), before any form.
		var control = register(registration().titled("取暖\u0007困难").asFields());
		assertThat(control.getStatus()).isEqualTo(400);
		assertThat(jdbc.queryForObject("select count(*) from petition where title = '取暖\u0007困难'", Long.class)).isZero();
	}

	@Test
	void theSameFormSentTwiceMakesOnePetition() throws Exception {
		var token = UUID.randomUUID();
		var first = register(registration().withToken(token).titled("重复提交测试").asFields());
		var second = register(registration().withToken(token).titled("重复提交测试").asFields());
		assertThat(second.getRedirectedUrl()).isEqualTo(first.getRedirectedUrl());
		assertThat(jdbc.queryForObject("select count(*) from petition where submission_token = ?", Long.class, token))
			.isEqualTo(1);
	}

	@Test
	void possibleDuplicatesAreShownBeforeANewPetitionIsMade() throws Exception {
		var phone = "139" + String.format("%08d", System.nanoTime() % 100_000_000);
		var first = register(registration().titled("房屋漏雨").withPhone(phone).asFields());
		var again = registration().titled("房屋又漏雨了").withPhone(phone).maybeADuplicate().asFields();
		long before = jdbc.queryForObject("select count(*) from petition", Long.class);

		var warned = register(again);
		assertThat(warned.getStatus()).isEqualTo(200);
		assertThat(warned.getContentAsString()).contains("可能是同一件事").contains(first.getRedirectedUrl());
		assertThat(jdbc.queryForObject("select count(*) from petition", Long.class)).isEqualTo(before);

		assertThat(register(registration().titled("房屋又漏雨了").withPhone(phone).asFields()).getStatus()).isEqualTo(302);
	}

	@Test
	void attachmentsAreJudgedByTheirBytes() throws Exception {
		var fake = new MockMultipartFile("attachments", "照片.png", "image/png", "not a picture".getBytes());
		var refused = mvc.perform(withFields(multipart("/petitions").file(fake), registration().titled("附件测试").asFields()))
			.andReturn()
			.getResponse();
		assertThat(refused.getContentAsString()).contains("附件只能是 JPG、PNG 图片或 PDF 文件。");

		var letter = new MockMultipartFile("attachments", "来信.pdf", "application/octet-stream", PDF);
		var saved = mvc.perform(withFields(multipart("/petitions").file(letter), registration().titled("附件测试").asFields()))
			.andReturn()
			.getResponse();
		long id = Long.parseLong(saved.getRedirectedUrl().replaceAll(".*/", ""));
		assertThat(jdbc.queryForObject("""
				select f.content_type from stored_file f join petition_step s on s.id = f.owner_id
				where f.owner_kind = 'petition-step' and s.petition_id = ?""", String.class, id))
			.isEqualTo("application/pdf");
	}

	@Test
	void aVisitRaisesAPetitionInOneClickLinkedBack() throws Exception {
		var visit = jdbc.queryForMap("""
				select v.id, v.household_id, h.head_name from visit v join household h on h.id = v.household_id
				where v.region_code like '513301%' order by v.id limit 1""");
		var staff = user(users.loadUserByUsername("kd_staff"));
		var page = mvc.perform(get("/petitions/new").param("visit", visit.get("id").toString()).with(staff))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(visit.get("head_name").toString()).contains("value=\"HOME_VISIT\" selected=\"selected\"");
		var token = page.replaceAll("(?s).*name=\"token\" value=\"([^\"]+)\".*", "$1");

		var fields = new HashMap<String, String>();
		fields.put("token", token);
		fields.put("visitId", visit.get("id").toString());
		fields.put("householdId", visit.get("household_id").toString());
		fields.put("source", "HOME_VISIT");
		fields.put("petitionerName", "");
		fields.put("regionCode", "");
		fields.put("categoryId", jdbc.queryForObject("select max(id) from petition_category", Long.class).toString());
		fields.put("title", "走访中反映取暖困难");
		fields.put("urgency", "NORMAL");
		fields.put("receivedOn", PetitionFixtures.today().toString());
		fields.put("notDuplicate", "true");
		var made = register(fields);
		long id = Long.parseLong(made.getRedirectedUrl().replaceAll(".*/", ""));
		assertThat(jdbc.queryForMap("select visit_id, household_id, petitioner_name from petition where id = ?", id))
			.containsEntry("visit_id", visit.get("id"))
			.containsEntry("household_id", visit.get("household_id"))
			.containsEntry("petitioner_name", visit.get("head_name"));
		var shown = mvc.perform(get("/petitions/{id}", id).with(staff)).andReturn().getResponse().getContentAsString();
		assertThat(shown).contains("/households/" + visit.get("household_id"));
	}

	@Test
	void aStepCommentWithAControlCharacterIsRefusedAndNothingChanges() throws Exception {
		long id = PetitionFixtures.petition(jdbc, "PUSHED", "SOLVED");
		var page = mvc.perform(post("/petitions/{id}/accept", id).param("comment", "马上\u0000办").param("version", "0")
			.with(csrf())
			.with(user(users.loadUserByUsername("kd_staff")))).andReturn().getResponse();
		// Refused at the edge (ControlCharacterFilter), before the step is tried.
		assertThat(page.getStatus()).isEqualTo(400);
		assertThat(jdbc.queryForObject("select state from petition where id = ?", String.class, id)).isEqualTo("PUSHED");
	}

	@Test
	void aRefusedSettingsRowSaysWhyAboveThePage() throws Exception {
		var admin = user(users.loadUserByUsername("gz_admin"));
		long categories = jdbc.queryForObject("select count(*) from petition_category", Long.class);
		var category = mvc.perform(post("/petition-categories").param("submission", UUID.randomUUID().toString())
			.param("name", "类".repeat(21)).param("acceptDays", "3")
			.param("closeDays", "30").param("sortOrder", "1").with(csrf()).with(admin)).andReturn();
		assertThat(category.getFlashMap().get("failureText")).isEqualTo("类别名称不能超过 20 个字。");
		var limits = mvc.perform(post("/petition-categories").param("submission", UUID.randomUUID().toString())
			.param("name", "限时测试").param("acceptDays", "3")
			.param("closeDays", "2").param("sortOrder", "1").with(csrf()).with(admin)).andReturn();
		assertThat(limits.getFlashMap().get("failureText")).isEqualTo("办结时限应为 1 到 365 天，且不少于接单时限。");
		assertThat(jdbc.queryForObject("select count(*) from petition_category", Long.class)).isEqualTo(categories);

		var tooLong = mvc.perform(post("/petition-departments").param("submission", UUID.randomUUID().toString())
			.param("name", "局".repeat(51)).param("regionCode", "5133")
			.with(csrf()).with(admin)).andReturn();
		assertThat(tooLong.getFlashMap().get("failureText")).isEqualTo("不能超过 50 个字。");
		var control = mvc.perform(post("/petition-departments").param("submission", UUID.randomUUID().toString())
			.param("name", "住建\u0007局").param("regionCode", "5133")
			.with(csrf()).with(admin)).andReturn();
		// Refused at the edge (ControlCharacterFilter), before the settings are tried.
		assertThat(control.getResponse().getStatus()).isEqualTo(400);
		assertThat(jdbc.queryForObject("select count(*) from petition_department where name like '住建%局'", Long.class))
			.isZero();

		// The page the refusal redirects to shows it; the flash travels in the session, as in a browser.
		var session = tooLong.getResponse().getCookies();
		var shown = mvc.perform(get(tooLong.getResponse().getRedirectedUrl()).cookie(session).with(admin))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(shown).contains("alert-danger").contains("不能超过 50 个字。");
	}

	/** A walk-in from 表单测试 in a village of 炉城街道, of the first category. */
	private PetitionForms registration() {
		return PetitionForms.aPetition()
			.from("表单测试")
			.in(PetitionFixtures.village(jdbc))
			.inCategory(jdbc.queryForObject("select min(id) from petition_category", Long.class));
	}

	private MockHttpServletResponse register(Map<String, String> fields) throws Exception {
		return mvc.perform(withFields(multipart("/petitions"), fields)).andReturn().getResponse();
	}

	private MockMultipartHttpServletRequestBuilder withFields(MockMultipartHttpServletRequestBuilder request,
			Map<String, String> fields) {
		fields.forEach(request::param);
		request.with(csrf()).with(user(users.loadUserByUsername("kd_staff")));
		return request;
	}

}
