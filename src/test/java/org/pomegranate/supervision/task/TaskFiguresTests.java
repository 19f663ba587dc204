package org.pomegranate.supervision.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.figures.FigureQuery;
import org.pomegranate.figures.FigureSource;
import org.pomegranate.figures.KeyFigure;
import org.pomegranate.figures.Period;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * The task figures against data counted by hand: nine instances of 榆林街道's villages in 2025,
 * each written with its state and dates, and the figures the issue defines — of those due in 2025
 * (by the due date in force) how many were accepted and how many on time, and, standing today, how
 * many wait for their 签收 past 24 hours and how many are overdue (a granted extension is not).
 * The figures page's every number links to a list of exactly that many.
 */
@IntegrationTest
class TaskFiguresTests {

	private static final Pattern FIGURE_LINK = Pattern.compile("<a[^>]*?href=\"([^\"]+)\"[^>]*>\\s*([\\d,]+)\\s*</a>");

	private static final Pattern TOTAL = Pattern.compile("共 ([\\d,]+) 条");

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TaskFigures figures;

	@Autowired
	List<FigureSource> sources;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@BeforeEach
	void data() {
		TaskFixtures.users(jdbc);
		long list = TaskFixtures.list(jdbc, "MONTHLY", 25, "2025-03-01", List.of());
		var v = TaskFixtures.VILLAGES;
		// village, period, due, granted, state, reported, opens: the hand count is in the comments.
		instance(list, v.get(0), "a", "2025-03-25", null, "ACCEPTED", "2025-03-20", "2025-03-01"); // due, accepted, on time
		instance(list, v.get(1), "b", "2025-03-25", null, "ACCEPTED", "2025-03-28", "2025-03-01"); // due, accepted, late
		instance(list, v.get(2), "c", "2025-03-25", null, "REPORTED", "2025-03-24", "2025-03-01"); // due
		instance(list, v.get(3), "d", "2025-03-25", null, "PENDING", null, "2025-03-01"); // due, not acknowledged, overdue
		instance(list, v.get(0), "e", "2025-04-25", "2099-01-01", "ACKNOWLEDGED", null, "2025-04-01"); // extended out of 2025
		instance(list, v.get(1), "f", "2025-04-25", null, "ACKNOWLEDGED", null, "2025-04-01"); // due, overdue
		instance(list, v.get(2), "g", "2025-04-25", null, "RETURNED", "2025-04-20", "2025-04-01"); // due, overdue
		instance(list, v.get(3), "h", "2025-04-25", "2025-05-10", "ACCEPTED", "2025-05-08", "2025-04-01"); // due, accepted, on time
		instance(list, v.get(0), "i", "2099-02-25", null, "PENDING", null, "2099-02-01"); // not yet open: nothing
	}

	private void instance(long list, String village, String period, String due, @Nullable String granted, String state,
			@Nullable String reported, String opens) {
		jdbc.update("""
				insert into task_instance (list_id, recipient_key, region_code, issuer_region_code, recipient_name, period, opens_at,
				                           due_on, granted_due_on, state, reported_on, accepted_on)
				values (?, 'R:' || ?, ?, ?, ?, ?, (?::date + time '08:00') at time zone 'Asia/Shanghai', ?::date, ?::date, ?,
				        ?::date, case when ? = 'ACCEPTED' then ?::date + 1 end)""", list, village, village, TaskFixtures.TOWNSHIP,
				"村" + village.substring(9), period, opens, due, granted, state, reported, state, reported);
	}

	@AfterEach
	void clear() {
		TaskFixtures.clear(jdbc);
	}

	@Test
	void theCountsAreTheHandCounts() {
		var counts = figures.of(TaskFixtures.TOWNSHIP, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
		assertThat(counts.of(TaskFigure.DUE)).isEqualTo(7);
		assertThat(counts.of(TaskFigure.ACCEPTED)).isEqualTo(3);
		assertThat(counts.of(TaskFigure.ON_TIME)).isEqualTo(2);
		assertThat(counts.of(TaskFigure.NOT_ACKNOWLEDGED)).isEqualTo(1);
		assertThat(counts.of(TaskFigure.OVERDUE)).isEqualTo(3);
		var march = figures.of(TaskFixtures.TOWNSHIP, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31));
		assertThat(march.of(TaskFigure.DUE)).isEqualTo(4);
		assertThat(march.of(TaskFigure.ACCEPTED)).isEqualTo(2);
	}

	@Test
	void theFigureSourceGivesTheRatesAndTheRegionsBelow() {
		var source = sources.stream().filter(TaskFigureSource.class::isInstance).findFirst().orElseThrow();
		var query = new FigureQuery(TaskFixtures.TOWNSHIP, Period.year(2025), null,
				false, LocalDate.of(2026, 1, 15));
		var byKey = byKey(source.figures(query));
		assertThat(byKey.get("figure.tasks.completionRate").value()).isEqualTo(42.9);
		assertThat(byKey.get("figure.tasks.completionRate").ratio()).isEqualTo(3.0 / 7);
		assertThat(byKey.get("figure.tasks.onTimeRate").value()).isEqualTo(66.7);
		assertThat(byKey.get("figure.tasks.notAcknowledged").value()).isEqualTo(1.0);
		assertThat(byKey.get("figure.tasks.overdue").value()).isEqualTo(3.0);
		assertThat(byKey.get("figure.tasks.overdue").better()).isEqualTo(KeyFigure.Better.LOWER);
		var below = source.byChildRegion(query);
		var fourth = byKey(below.get(TaskFixtures.VILLAGES.get(3)));
		assertThat(fourth.get("figure.tasks.completionRate").value()).as("d and h: one of two").isEqualTo(50.0);
		assertThat(fourth.get("figure.tasks.onTimeRate").value()).isEqualTo(100.0);
		assertThat(fourth.get("figure.tasks.notAcknowledged").value()).isEqualTo(1.0);
		var first = byKey(below.get(TaskFixtures.VILLAGES.get(0)));
		assertThat(first.get("figure.tasks.overdue").value()).as("e is extended, i not open").isEqualTo(0.0);
		assertThat(first.get("figure.tasks.completionRate").value()).isEqualTo(100.0);
		assertThat(byKey(source.figures(query.of(query.period()))).keySet()).as("a comparison period: the rates only")
			.containsExactlyInAnyOrder("figure.tasks.completionRate", "figure.tasks.onTimeRate");
	}

	@Test
	void everyFigureOnThePageLinksToAListOfThatMany() throws Exception {
		var reader = user(users.loadUserByUsername(TaskFixtures.SUPERVISOR));
		var html = mvc.perform(get("/tasks/figures?year=2025").with(reader)).andReturn().getResponse().getContentAsString();
		assertThat(html).contains("42.9%").contains("66.7%");
		var links = new ArrayList<String[]>();
		var matcher = FIGURE_LINK.matcher(html);
		while (matcher.find()) {
			links.add(new String[] { HtmlUtils.htmlUnescape(matcher.group(1)), matcher.group(2).replace(",", "") });
		}
		assertThat(links).extracting(link -> link[1]).containsExactly("7", "3", "2", "1", "3");
		for (var link : links) {
			var list = mvc.perform(get(link[0]).with(reader)).andReturn().getResponse();
			assertThat(list.getStatus()).as(link[0]).isEqualTo(200);
			var body = list.getContentAsString();
			var total = TOTAL.matcher(body);
			assertThat(total.find()).as(link[0]).isTrue();
			assertThat(total.group(1)).as(link[0]).isEqualTo(link[1]);
			assertThat(Pattern.compile("data-instance=").matcher(body).results().count()).as(link[0])
				.isEqualTo(Long.parseLong(link[1]));
		}
	}

	private static Map<String, KeyFigure> byKey(List<KeyFigure> figures) {
		var map = new java.util.LinkedHashMap<String, KeyFigure>();
		figures.forEach(figure -> map.put(figure.key(), figure));
		return map;
	}

}
