package org.pomegranate.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pomegranate.pairing.household.HouseholdCategory.DISABLED;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.pairing.household.HouseholdForm;
import org.pomegranate.pairing.household.HouseholdService;
import org.pomegranate.shared.InvalidInputException;
import org.pomegranate.shared.SubmissionTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The pairing forms checked by their constraints like every other form: control characters
 * refused as petitions refuse them, each message beside its field in the user's language with what
 * was typed kept, and the service naming each wrong field by its property path for the import.
 */
@IntegrationTest
class PairingFormTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	HouseholdService households;

	@BeforeEach
	void township() {
		PairingFixtures.township(jdbc);
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void aControlCharacterInAHouseholdNameIsRefusedAtTheEdgeAndNothingIsSaved() throws Exception {
		int sequence = 701;
		// Refused once for every form by ControlCharacterFilter (its Chinese page: ControlCharactersTests).
		for (var name : new String[] { "泽仁\u0000测试", "泽仁\u0007测试" }) {
			long before = households();
			var page = submit(household(name, sequence++), null);
			assertThat(page.getStatus()).isEqualTo(400);
			assertThat(households()).isEqualTo(before);
		}
		// On a text area line breaks are what a person types; a NUL is not.
		var notes = household("泽仁测试", 703);
		notes.put("notes", "第一行\r\n第二行\t备注");
		assertThat(submit(notes, null).getStatus()).isEqualTo(302);
		var nul = household("泽仁测试", 704);
		nul.put("notes", "第一行\u0000");
		assertThat(submit(nul, null).getStatus()).isEqualTo(400);
	}

	@Test
	void messagesNameTheirLimitInTheUsersLanguage() throws Exception {
		var fields = household("名".repeat(51), 705);
		fields.put("memberCount", "０");
		fields.put("phone", "12345");
		var chinese = submit(fields, null).getContentAsString();
		assertThat(feedbackOf(chinese, "headName")).isEqualTo("不能超过 50 个字。");
		assertThat(feedbackOf(chinese, "memberCount")).isEqualTo("家庭人口应为 1 到 50 人。");
		assertThat(feedbackOf(chinese, "phone")).startsWith("请填写 11 位手机号");
		assertThat(chinese).contains("value=\"" + "名".repeat(51) + "\"");

		var english = submit(fields, "en").getContentAsString();
		assertThat(feedbackOf(english, "headName")).isEqualTo("At most 50 characters.");

		// Blank as a person sees it: a full-width space is no name, nor a member count.
		var blank = household("\u3000", 708);
		blank.put("memberCount", "\u3000");
		var refused = submit(blank, null).getContentAsString();
		assertThat(feedbackOf(refused, "headName")).isEqualTo("请填写此项。");
		assertThat(feedbackOf(refused, "memberCount")).isEqualTo("家庭人口应为 1 到 50 人。");

		// Counted as people count: fifty emoji fit.
		var emoji = household("🔥".repeat(50), 706);
		assertThat(submit(emoji, null).getStatus()).isEqualTo(302);
	}

	@Test
	void theServiceNamesEachWrongFieldByItsPropertyPathAndChecksTheRoleFirst() {
		var form = new HouseholdForm("名".repeat(51), PairingFixtures.idNumber("19770707", 707), "04", "12345",
				"5133", "1号院", "abc", List.of(DISABLED), "备注\u0000", 0L, SubmissionTokens.fresh());
		// In the language of the request the service serves, as the import's will be.
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		assertThatThrownBy(() -> as("gz_admin", () -> households.create(form)))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> {
				assertThat(ex.problems()).containsExactly(Map.entry("headName", "validation.text.tooLong"),
						Map.entry("phone", "validation.phone"), Map.entry("regionCode", "validation.villageCode"),
						Map.entry("memberCount", "household.error.memberCount"),
						Map.entry("notes", "validation.text.controlCharacters"));
				assertThat(ex.firstProblem().message()).isEqualTo("不能超过 50 个字。");
			});
		// A supervisor is refused for the role, not told how to fix a form they may not send.
		assertThatThrownBy(() -> as("gz_supervisor", () -> households.create(form)))
			.isInstanceOf(AccessDeniedException.class);
	}

	private Map<String, String> household(String name, int sequence) {
		var fields = new LinkedHashMap<String, String>();
		fields.put("headName", name);
		fields.put("idNumber", PairingFixtures.idNumber("19770707", sequence));
		fields.put("ethnicity", "04");
		fields.put("phone", "");
		fields.put("regionCode", PairingFixtures.VILLAGE_A);
		fields.put("address", "1号院");
		fields.put("memberCount", "3");
		fields.put("categories", "DISABLED");
		fields.put("notes", "");
		fields.put("version", "0");
		return fields;
	}

	private MockHttpServletResponse submit(Map<String, String> fields, String language) throws Exception {
		var request = post("/households").with(csrf()).with(user(users.loadUserByUsername("gz_admin")));
		fields.forEach(request::param);
		request.param("submission", SubmissionTokens.fresh().toString());
		if (language != null) {
			request.param("lang", language);
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	/** The message shown beside a field: the invalid-feedback in the field's own block of the form. */
	private static String feedbackOf(String body, String field) {
		var block = Pattern.compile("(?s)id=\"" + field + "\".*?(?=<div class=\"mb-3\"|<fieldset|<button type=\"submit\")")
			.matcher(body);
		assertThat(block.find()).as("the field " + field).isTrue();
		var feedback = Pattern.compile("<div class=\"invalid-feedback\">([^<]*)</div>").matcher(block.group());
		assertThat(feedback.find()).as("a message beside " + field).isTrue();
		return feedback.group(1).strip();
	}

	private long households() {
		return jdbc.queryForObject("select count(*) from household", Long.class);
	}

	private <T> T as(String username, Supplier<T> action) {
		var user = users.loadUserByUsername(username);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		try {
			return action.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
