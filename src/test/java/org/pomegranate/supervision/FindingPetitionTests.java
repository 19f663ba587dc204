package org.pomegranate.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.supervision.inspection.InspectionForms.FindingForm;
import org.pomegranate.supervision.inspection.InspectionForms.InspectionForm;
import org.pomegranate.supervision.inspection.InspectionKind;
import org.pomegranate.supervision.inspection.Inspections;
import org.pomegranate.supervision.inspection.Severity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A finding that really is a citizen's demand: the responsible county's staff find the button
 * on the finding's page (its rectification), the petition form opens prefilled from it, and the
 * petition registered carries the finding and links back to it; the inspector (a supervisor) and
 * another county's staff get no button, and the other county's form answers as for a missing finding.
 */
@IntegrationTest
class FindingPetitionTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	Inspections inspections;

	@Autowired
	Clock clock;

	@Test
	void aFindingRaisesAPetitionThatLinksBackToIt() throws Exception {
		var today = ChinaTime.today(clock);
		SupervisionSignIn.as(users, "gz_supervisor");
		var inspection = inspections.create(new InspectionForm(UUID.randomUUID(), InspectionKind.RECHECK, "回访（诉求）",
				today.toString(), "", List.of(), "", List.of("513301"), List.of(), "", "", "", null));
		var description = "走访中群众反映村道损毁，出行困难";
		long finding = inspections.recordFinding(inspection.getId(),
				new FindingForm(UUID.randomUUID(), "513301", description, Severity.MINOR, "", "", ""), List.of()).getId();
		SupervisionSignIn.out();
		var findingPage = "/rectifications/"
				+ jdbc.queryForObject("select id from rectification where finding_id = ?", Long.class, finding);
		assertThat(Jsoup.parse(page("gz_supervisor", findingPage)).select("#raise-petition")).as("the inspector").isEmpty();
		var button = Jsoup.parse(page("kd_staff", findingPage)).select("#raise-petition");
		assertThat(button.attr("href")).isEqualTo("/petitions/new?finding=" + finding);

		var form = Jsoup.parse(page("kd_staff", button.attr("href")));
		assertThat(form.select("#raised-from a").attr("href")).isEqualTo(findingPage);
		assertThat(form.select("#description").text()).isEqualTo(description);
		assertThat(form.select("input[name=findingId]").val()).isEqualTo(String.valueOf(finding));

		var village = jdbc.queryForObject(
				"select min(code) from region where code like '513301%' and level = 'VILLAGE' and retired_at is null", String.class);
		var registered = mvc.perform(submit(form).param("regionCode", village).param("petitionerName", "督查发现的群众")
			.with(csrf())
			.with(user(users.loadUserByUsername("kd_staff")))).andReturn().getResponse();
		assertThat(registered.getStatus()).as(registered.getContentAsString().length() > 2000 ? "" : registered.getContentAsString())
			.isEqualTo(302);
		var petitionPath = registered.getRedirectedUrl();
		long petition = Long.parseLong(petitionPath.substring(petitionPath.lastIndexOf('/') + 1));
		assertThat(jdbc.queryForObject("select finding_id from petition where id = ?", Long.class, petition)).isEqualTo(finding);
		assertThat(Jsoup.parse(page("kd_staff", petitionPath)).select("#finding-link").attr("href")).isEqualTo(findingPage);

		var elsewhere = mvc.perform(get("/petitions/new?finding=" + finding).with(user(users.loadUserByUsername("ld_staff"))))
			.andReturn()
			.getResponse();
		assertThat(elsewhere.getStatus()).as("another county: as for a missing finding").isEqualTo(404);
	}

	/** The form as the page holds it: every input, text area and select with what it holds. */
	private static MockHttpServletRequestBuilder submit(Document page) {
		var form = page.selectFirst("#petition-form");
		var request = post(form.attr("action"));
		for (var input : form.select("input[name]:not([type=file]):not([type=checkbox]), textarea[name]")) {
			if (!input.attr("name").equals("regionCode") && !input.attr("name").equals("petitionerName")) {
				request.param(input.attr("name"), input.is("textarea") ? input.text() : input.val());
			}
		}
		for (var select : form.select("select[name]")) {
			var chosen = select.selectFirst("option[selected]");
			if (chosen == null) {
				chosen = select.selectFirst("option[value]:not([value=''])");
			}
			if (chosen != null && !select.attr("name").equals("regionCode")) {
				request.param(select.attr("name"), chosen.val());
			}
		}
		return request;
	}

	private String page(String username, String path) throws Exception {
		var response = mvc.perform(get(path).with(user(users.loadUserByUsername(username)))).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString();
	}

}
