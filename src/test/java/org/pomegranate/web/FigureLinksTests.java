package org.pomegranate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pomegranate.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * Every figure on the coverage and petition figures pages links to the list behind it, and that
 * list holds exactly as many records as the figure says: each link is followed as a user would
 * click it (the href as the browser reads it, entities decoded) and the list's total read back.
 */
@IntegrationTest
class FigureLinksTests {

	/** A number that is a link: {@code <a href="…">12</a>}. */
	private static final Pattern FIGURE_LINK = Pattern.compile("<a[^>]*?href=\"([^\"]+)\"[^>]*>\\s*([\\d,]+)\\s*</a>");

	private static final Pattern TOTAL = Pattern.compile("共 ([\\d,]+) 条");

	private static final Pattern LIST_BODY = Pattern.compile("<tbody>(.*?)</tbody>", Pattern.DOTALL);

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@ParameterizedTest
	@CsvSource({ "kd_supervisor, /coverage", "gz_supervisor, /coverage", "kd_supervisor, /petitions/figures",
			"gz_supervisor, /petitions/figures" })
	void everyFigureLinksToAListOfThatMany(String username, String page) throws Exception {
		var reader = user(users.loadUserByUsername(username));
		var html = mvc.perform(get(page).with(reader)).andReturn().getResponse().getContentAsString();
		var links = new ArrayList<String[]>();
		var matcher = FIGURE_LINK.matcher(html);
		while (matcher.find()) {
			links.add(new String[] { HtmlUtils.htmlUnescape(matcher.group(1)), matcher.group(2).replace(",", "") });
		}
		assertThat(links).as("figure links on " + page).hasSizeGreaterThan(5);
		var checked = new ArrayList<String>();
		for (var link : links) {
			var href = link[0];
			long figure = Long.parseLong(link[1]);
			// As a browser reads it: "&quota=" in the page would have become "\"a=" and lost its filter.
			assertThat(href).as("a link as the browser reads it").matches("/[a-z/-]+(\\?[A-Za-z]+=[A-Za-z0-9_-]*(&[A-Za-z]+=[A-Za-z0-9_-]*)*)?");
			var list = mvc.perform(get(href).with(reader)).andReturn().getResponse();
			assertThat(list.getStatus()).as(href).isEqualTo(200);
			assertThat(total(list.getContentAsString())).as("%s behind a figure of %d on %s", href, figure, page)
				.isEqualTo(figure);
			checked.add(href);
		}
		assertThat(checked).anyMatch(href -> href.contains("quota=") || href.contains("figure="));
	}

	/** The total a list states, or the rows it shows when it fits on one page. */
	private static long total(String html) {
		var stated = TOTAL.matcher(html);
		if (stated.find()) {
			return Long.parseLong(stated.group(1).replace(",", ""));
		}
		if (html.contains("没有符合条件的记录")) {
			return 0;
		}
		var body = LIST_BODY.matcher(html);
		assertThat(body.find()).as("a list table").isTrue();
		return countRows(body.group(1));
	}

	private static long countRows(String body) {
		List<String> rows = new ArrayList<>();
		var row = Pattern.compile("<tr[\\s>]").matcher(body);
		while (row.find()) {
			rows.add(row.group());
		}
		return rows.size();
	}

}
