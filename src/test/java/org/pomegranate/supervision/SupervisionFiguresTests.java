package org.pomegranate.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pomegranate.IntegrationTest;
import org.pomegranate.figures.Period;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.database.LoaderIdentity;
import org.pomegranate.supervision.inspection.InspectionFigures;
import org.pomegranate.supervision.inspection.RectificationQuery;
import org.pomegranate.supervision.inspection.Rectifications;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * The supervision figures against data counted by hand, in a township of 阿坝州 that nothing else
 * writes to; the SQL definition of overdue against its Java twin on every rectification; and on the
 * figures page, every figure a link to the list behind it, whose total is the figure.
 */
@IntegrationTest
class SupervisionFiguresTests {

	private static final Pattern FIGURE_LINK = Pattern.compile("<a[^>]*?href=\"([^\"]+)\"[^>]*>\\s*([\\d,]+)\\s*</a>");

	private static final Pattern TOTAL = Pattern.compile("共 ([\\d,]+) 条");

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	InspectionFigures figures;

	@Autowired
	Rectifications rectifications;

	@Autowired
	Clock clock;

	@AfterEach
	void signOut() {
		SupervisionSignIn.out();
	}

	/**
	 * Five rectifications, three findings and four notices in one township, each figure counted by
	 * hand today and three days ago: a verified one counts as open until the day it was closed; one
	 * waiting in a report filed in time is not overdue; one sent back is, once past its new deadline.
	 */
	@Test
	void theFiguresCountWhatWasCountedByHand() {
		var today = ChinaTime.today(clock);
		var township = jdbc.queryForObject("""
				select min(t.code) from region t join region c on c.code = t.parent_code where c.parent_code = '5132'""",
				String.class);
		long inspection = jdbc.queryForObject("""
				insert into inspection (submission_token, region_code, kind, title, starts_on, ends_on, created_by)
				values (gen_random_uuid(), '5132', 'SPECIAL', '手工计数督查', ?, ?, 'test') returning id""", Long.class,
				today.minusDays(20), today.minusDays(20));
		// found in the period (the last 30 days) twice, once before it
		for (int daysAgo : new int[] { 20, 10, 40 }) {
			jdbc.update("""
					insert into finding (inspection_id, region_code, responsible_name, description, severity, found_on, created_by)
					values (?, ?, '乡', '问题', 'MINOR', ?, 'test')""", inspection, township, today.minusDays(daysAgo));
		}
		// state, opened, due, reported, closed (days from today)
		rectification(township, "OPEN", -10, -1, null, null, today);
		rectification(township, "RETURNED", -20, -5, -12, null, today);
		rectification(township, "REPORTED", -10, -5, -6, null, today);
		rectification(township, "VERIFIED", -15, -8, -4, -2, today);
		rectification(township, "OPEN", -1, 5, null, null, today);
		notice(township, "PRAISE", "PUBLISHED", today.minusDays(3));
		notice(township, "CRITICISM", "PUBLISHED", today.minusDays(5));
		notice(township, "CRITICISM", "RETRACTED", today.minusDays(6));
		notice(township, "CRITICISM", "DRAFT", null);

		var period = Period.range(today.minusDays(30), today);
		var counted = LoaderIdentity.asAdminOf("51", "test", () -> figures.of(township, period, today));
		assertThat(counted).isEqualTo(new InspectionFigures.Counts(4, 2, 2, 1, 1));
		var threeDaysAgo = LoaderIdentity.asAdminOf("51", "test",
				() -> figures.of(township, period, today.minusDays(3)));
		assertThat(threeDaysAgo.open()).as("open three days ago: the verified one too, not the one ordered yesterday")
			.isEqualTo(4);
		assertThat(threeDaysAgo.overdue()).as("overdue three days ago: only the one sent back").isEqualTo(1);
		var county = township.substring(0, 6);
		var byTownship = LoaderIdentity.asAdminOf("51", "test", () -> figures.byChildRegion(county, period, today));
		assertThat(byTownship.get(township)).isEqualTo(counted);
		var table = LoaderIdentity.asAdminOf("51", "test", () -> figures.withRegionsBelow(county, period, today));
		assertThat(table.below().get(township)).isEqualTo(counted);
		assertThat(table.total()).isEqualTo(LoaderIdentity.asAdminOf("51", "test", () -> figures.of(county, period, today)));
		// The list behind each count holds as many.
		var open = LoaderIdentity.asAdminOf("51", "test", () -> rectifications.search(
				new RectificationQuery(township, null, null, null, null, null, null, today, null, null), Pageable.unpaged()));
		assertThat(open.getTotalElements()).isEqualTo(4);
		var overdue = LoaderIdentity.asAdminOf("51", "test", () -> rectifications.search(
				new RectificationQuery(township, null, null, null, true, null, null, null, null, null), Pageable.unpaged()));
		assertThat(overdue.getTotalElements()).isEqualTo(2);
	}

	/** SQL's overdue today ({@code rectification_overdue_on}) and Rectification.isOverdue agree on every row. */
	@Test
	void sqlAndJavaAgreeOnWhatIsOverdue() {
		var today = ChinaTime.today(clock);
		var all = LoaderIdentity.asAdminOf("51", "test",
				() -> rectifications.search(RectificationQuery.all(), Pageable.unpaged()).getContent());
		assertThat(all).hasSizeGreaterThan(10);
		for (var r : all) {
			var sql = jdbc.queryForObject("""
					select rectification_overdue_on(state, opened_on, due_on, reported_on, closed_on, ?) from rectification
					where id = ?""", Boolean.class, today, r.getId());
			assertThat(sql).as("rectification " + r.getId() + " " + r.getState()).isEqualTo(r.isOverdue(today));
		}
	}

	@ParameterizedTest
	@CsvSource({ "gz_supervisor, ''", "gz_supervisor, '&region=513323'", "kd_supervisor, ''" })
	void everyFigureLinksToAListOfThatMany(String username, String region) throws Exception {
		var reader = user(users.loadUserByUsername(username));
		var today = ChinaTime.today(clock);
		var period = Period.range(today.minusDays(60), today).code();
		var html = mvc.perform(get("/inspections/figures?period=" + period + region).with(reader))
			.andReturn()
			.getResponse()
			.getContentAsString();
		var links = new ArrayList<String[]>();
		var matcher = FIGURE_LINK.matcher(html);
		while (matcher.find()) {
			links.add(new String[] { HtmlUtils.htmlUnescape(matcher.group(1)), matcher.group(2).replace(",", "") });
		}
		assertThat(links).as("figure links").hasSizeGreaterThanOrEqualTo(5);
		long nonZero = 0;
		for (var link : links) {
			long figure = Long.parseLong(link[1]);
			nonZero += figure > 0 ? 1 : 0;
			var list = mvc.perform(get(link[0]).with(reader)).andReturn().getResponse();
			assertThat(list.getStatus()).as(link[0]).isEqualTo(200);
			var total = TOTAL.matcher(list.getContentAsString());
			assertThat(total.find()).as("a total on " + link[0]).isTrue();
			assertThat(Long.parseLong(total.group(1).replace(",", ""))).as("%s behind a figure of %d", link[0], figure)
				.isEqualTo(figure);
		}
		if (username.startsWith("gz") && region.isEmpty()) {
			// 甘孜州's demo: findings, open and overdue rectifications, the criticism, and the same in its counties.
			assertThat(nonZero).isGreaterThanOrEqualTo(10);
		}
	}

	private void rectification(String region, String state, int opened, int due, Integer reported, Integer closed,
			LocalDate today) {
		jdbc.update("""
				insert into rectification (source, notice_id, region_code, region_above, responsible_name, issuing_region_code,
				                           subject, severity, opened_on, due_on, state, reported_on, closed_on)
				values ('NOTICE', (select min(id) from notice), ?, ?, '乡', '5132', '手工计数', 'MINOR', ?, ?, ?, ?, ?)""",
				region, region.substring(0, 6), today.plusDays(opened), today.plusDays(due), state,
				reported == null ? null : today.plusDays(reported), closed == null ? null : today.plusDays(closed));
	}

	private void notice(String region, String kind, String state, LocalDate publishedOn) {
		jdbc.update("""
				insert into notice (submission_token, region_code, kind, number, issued_on, title, body, rectify_by, state,
				                    drafted_by, drafted_by_name, published_on, retracted_on)
				values (gen_random_uuid(), ?, ?, '计数〔1〕1号', current_date - 30, '手工计数通报', '正文', current_date + 30, ?,
				        'test', '测试', ?, ?)""", region, kind, state, publishedOn,
				state.equals("RETRACTED") ? publishedOn.plusDays(1) : null);
	}

}
