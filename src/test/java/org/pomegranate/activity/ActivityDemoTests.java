package org.pomegranate.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Seed 000's activity figures read off 甘孜州's figures page by its supervisor, as the demo data
 * makes them: 6,492 宣传宣讲 sessions this year over all 18 counties, a 知识竞答 of more than 30,000
 * people and the exchange trip of 60; and each figure's link opens a list whose total is it.
 */
@IntegrationTest
@WithUserDetails("gz_supervisor")
class ActivityDemoTests {

	private static final Pattern FIGURE = Pattern.compile(
			"id=\"figure-(\\w+)\" href=\"([^\"]+)\">(\\d+)</a>");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theFiguresPageOfGanziShowsSeed000sFiguresAndEachLinksToAListOfThatMany() throws Exception {
		var page = page("/activities/figures?region=5133");
		var figures = FIGURE.matcher(page).results().toList();
		assertThat(figures).extracting(m -> m.group(1)).containsExactly("sessions", "publicity", "participants", "exchange");
		assertThat(figure(page, "publicity")).isEqualTo(6_492);
		assertThat(figure(page, "exchange")).isEqualTo(60);
		var quiz = Pattern.compile("data-kind=\"QUIZ\">\\s*<td>知识竞答</td>\\s*<td class=\"text-end\"><a class=\"sessions\" href=\"[^\"]+\">(\\d+)</a></td>\\s*<td class=\"text-end participants\">(\\d+)</td>")
			.matcher(page);
		assertThat(quiz.find()).as("the quiz's row").isTrue();
		assertThat(Long.parseLong(quiz.group(1))).isEqualTo(1);
		assertThat(Long.parseLong(quiz.group(2))).as("3万余名").isGreaterThan(30_000);
		assertThat(jdbc.queryForObject("""
				select count(distinct left(region_code, 6)) from activity
				where kind = 'PUBLICITY' and region_code like '5133%' and started_on >= date_trunc('year', current_date)""",
				Long.class)).as("across the 18 counties").isEqualTo(18);

		for (var figure : figures) {
			if (figure.group(1).equals("participants")) {
				continue;
			}
			var list = page(figure.group(2).replace("&amp;", "&"));
			var sessions = Pattern.compile("<strong class=\"sessions\">(\\d+)</strong>").matcher(list);
			assertThat(sessions.find()).isTrue();
			assertThat(Long.parseLong(sessions.group(1))).as("the list behind " + figure.group(1))
				.isEqualTo(figure.group(1).equals("exchange") ? 1 : Long.parseLong(figure.group(3)));
			if (figure.group(1).equals("exchange")) {
				var participants = Pattern.compile("<strong class=\"participants\">(\\d+)</strong>").matcher(list);
				assertThat(participants.find()).isTrue();
				assertThat(participants.group(1)).isEqualTo(figure.group(3));
			}
		}
	}

	private long figure(String page, String name) {
		var found = FIGURE.matcher(page).results().filter(m -> m.group(1).equals(name)).findFirst().orElseThrow();
		return Long.parseLong(found.group(3));
	}

	private String page(String path) throws Exception {
		var response = mvc.perform(get(path)).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString();
	}

}
