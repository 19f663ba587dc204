package org.pomegranate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.shared.SearchText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A search travels in the list's URL, so no list takes a full phone or ID number in its search:
 * every list with a search box (and every export built from one) refuses it with a hint in Chinese
 * before any query runs and never shows the number back, while names, the last 4 digits and the
 * lists' own numbers (petition numbers, region codes) are still searched; and every search box
 * carries the rule as its pattern, so that a browser does not send such a search at all.
 */
@IntegrationTest
class SearchesKeepPersonalNumbersOutOfUrlsTests {

	/** Each list's search: its path and the parameter its search box sends. */
	private static final List<String> SEARCHES = List.of("/households?text=", "/households/export?text=",
			"/cadres?text=", "/cadres/export?text=", "/pairings?text=", "/pairings/export?text=", "/petitions?text=",
			"/petitions/export?text=", "/admin/users?q=", "/regions/search?q=", "/admin/audit?username=");

	/** A mobile, the same with spaces, in full-width digits, a landline, an ID number, its first 14 characters. */
	private static final List<String> PERSONAL_NUMBERS = List.of("13812345678", "138 1234 5678", "１３８１２３４５６７８",
			"0836-2812345", "513301199001010011", "51330119900101");

	private static final List<String> LIST_PAGES = List.of("/households", "/cadres", "/pairings", "/petitions",
			"/admin/users", "/regions/search", "/admin/audit", "/regions/513301");

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void everyListRefusesAFullPhoneOrIdNumberInItsSearchWithAHint() throws Exception {
		for (var search : SEARCHES) {
			for (var number : PERSONAL_NUMBERS) {
				var response = open(search + number);
				assertThat(response.getStatus()).as(search + number).isEqualTo(422);
				assertThat(response.getHeader("Content-Disposition")).as(search + number).isNull();
				assertThat(response.getContentType()).as(search + number).startsWith("text/html");
				var page = response.getContentAsString(StandardCharsets.UTF_8);
				assertThat(page).as(search + number)
					.containsAnyOf("不能输入完整的电话号码或身份证号", "请只输入身份证号后 4 位")
					.doesNotContain(number)
					.doesNotContain(number.replace(" ", "+"));
			}
		}
	}

	/** The export in full (a POST) refuses the same search with the same page, and no download begins. */
	@Test
	void theUnmaskedExportRefusesAFullNumberWithAPageAndNoDownload() throws Exception {
		for (var number : PERSONAL_NUMBERS) {
			var response = mvc.perform(post("/households/export-unmasked").param("text", number)
				.header("Accept", "text/html")
				.with(csrf())
				.with(user(users.loadUserByUsername("kd_admin")))).andReturn().getResponse();
			assertThat(response.getStatus()).as(number).isEqualTo(422);
			assertThat(response.getHeader("Content-Disposition")).as(number).isNull();
			assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as(number)
				.containsAnyOf("不能输入完整的电话号码或身份证号", "请只输入身份证号后 4 位")
				.doesNotContain(number);
		}
	}

	@Test
	void namesLastDigitsAndTheListsOwnNumbersAreStillSearched() throws Exception {
		for (var search : SEARCHES) {
			for (var allowed : List.of("扎西", "0011", "123456")) {
				assertThat(open(search + allowed).getStatus()).as(search + allowed).isEqualTo(200);
			}
		}
		var petitionNumber = jdbc.queryForObject("select min(number) from petition where region_code like '513301%'",
				String.class);
		var ledger = open("/petitions?text=" + petitionNumber);
		assertThat(ledger.getStatus()).isEqualTo(200);
		assertThat(ledger.getContentAsString(StandardCharsets.UTF_8)).contains(petitionNumber);
		var village = jdbc.queryForObject("select min(code) from region where length(code) = 12 and code like '513301%'",
				String.class);
		var regions = open("/regions/search?q=" + village);
		assertThat(regions.getStatus()).isEqualTo(200);
		assertThat(regions.getContentAsString(StandardCharsets.UTF_8)).contains(village);
	}

	@Test
	void everySearchBoxCarriesTheRuleSoThatABrowserDoesNotSendIt() throws Exception {
		for (var list : LIST_PAGES) {
			var page = open(list).getContentAsString(StandardCharsets.UTF_8);
			assertThat(page).as(list).contains("pattern=\"").contains(SearchText.PATTERN);
		}
	}

	private MockHttpServletResponse open(String path) throws Exception {
		return mvc.perform(get(path).header("Accept", "text/html").with(user(users.loadUserByUsername("kd_admin"))))
			.andReturn()
			.getResponse();
	}

}
