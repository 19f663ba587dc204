package org.pomegranate.bench;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.activity.ActivityFigures;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.database.LoaderIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Province scale for the activities ledger: 500,000 activities ({@code -Dbench.activities}) over
 * every township and village of Sichuan in the last twelve months, of every kind, generated in SQL
 * once per database (the tally triggers count them on the way in). Measured: the activity figures
 * alone ({@link ActivityFigures}, the whole and by region below, as the figure source and the
 * figures page ask them) for this year, a quarter and a range of days that cuts two months, at
 * province, prefecture and county level; the figures page and the dashboard's JSON (every source)
 * through the web stack; and the list as a province admin, a prefecture supervisor and a county
 * staff member see it (first page, the drill-down of a figure, a later page, a text search). Not
 * part of {@code ./mvnw verify}: run {@code bench/activity.sh}.
 */
@Tag("benchmark")
@IntegrationTest
@Import(SqlTimer.class)
class ActivityBenchmark {

	private static final Logger log = LoggerFactory.getLogger(ActivityBenchmark.class);

	static final int ACTIVITIES = Integer.getInteger("bench.activities", 500_000);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	ActivityFigures figures;

	@Test
	void activityFiguresAndListsAtProvinceScale() throws Exception {
		var today = LocalDate.now(ChinaTime.ZONE);
		activities(today);
		jdbc.update("""
				insert into user_account (username, display_name, password_hash, role, region_code)
				values ('bench_admin', '基准测试', '{noop}not-used', 'ADMIN', '51'),
				       ('bench_supervisor_5132', '基准测试州督导', '{noop}not-used', 'SUPERVISOR', '5132'),
				       ('bench_staff_513201', '基准测试县填报员', '{noop}not-used', 'STAFF', '513201')
				on conflict do nothing""");
		var report = new StringBuilder();

		var year = new LocalDate[] { today.withDayOfYear(1), today };
		var quarterStart = today.withDayOfMonth(1).minusMonths((today.getMonthValue() - 1) % 3);
		var quarter = new LocalDate[] { quarterStart, quarterStart.plusMonths(3).minusDays(1) };
		var range = new LocalDate[] { today.minusMonths(3).withDayOfMonth(15), today.minusMonths(1).withDayOfMonth(10) };
		report.append(String.format("%-52s %8s %8s %8s%n", "activity figures (service, no web)", "p50 ms", "p95 ms", "max ms"));
		for (var period : Map.of("this year", year, "this quarter", quarter, "range of days", range).entrySet()) {
			for (var region : new String[] { "51", "5132", "513201" }) {
				var millis = new ArrayList<Double>();
				for (int run = 0; run < Measurements.WARM_UP + Measurements.RUNS; run++) {
					long start = System.nanoTime();
					LoaderIdentity.asAdminOf("51", "bench", () -> {
						figures.of(region, period.getValue()[0], period.getValue()[1]);
						return figures.byRegionBelow(region, period.getValue()[0], period.getValue()[1]);
					});
					if (run >= Measurements.WARM_UP) {
						millis.add((System.nanoTime() - start) / 1e6);
					}
				}
				var sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
				report.append(String.format("%-52s %8.1f %8.1f %8.1f%n", "figures + by region below, " + region + ", "
						+ period.getKey(), Measurements.percentile(sorted, 50), Measurements.percentile(sorted, 95),
						sorted[sorted.length - 1]));
			}
		}

		var admin = user(users.loadUserByUsername("bench_admin"));
		var prefecture = user(users.loadUserByUsername("bench_supervisor_5132"));
		var county = user(users.loadUserByUsername("bench_staff_513201"));
		var month = today.minusMonths(1);
		var drill = "&from=" + month.withDayOfMonth(1) + "&to=" + month.withDayOfMonth(month.lengthOfMonth());
		var requests = new LinkedHashMap<String, Measurements.Request>();
		requests.put("figures page, province 51", new Measurements.Request("/activities/figures?region=51", admin));
		requests.put("figures page, prefecture 5132", new Measurements.Request("/activities/figures", prefecture));
		requests.put("figures page, county 513201", new Measurements.Request("/activities/figures", county));
		requests.put("api tiles (all sources), province 51", new Measurements.Request("/api/stats/tiles?region=51", admin));
		requests.put("api regions (all sources), province 51", new Measurements.Request("/api/stats/regions?region=51", admin));
		requests.put("list, province admin, first page", new Measurements.Request("/activities", admin));
		requests.put("list, province admin, 宣传宣讲 of last month",
				new Measurements.Request("/activities?kind=PUBLICITY&regionCode=51" + drill, admin));
		requests.put("list, province admin, page 50", new Measurements.Request("/activities?page=49", admin));
		requests.put("list, province admin, text 竞答", new Measurements.Request("/activities?text=竞答", admin));
		requests.put("list, prefecture 5132 user, first page", new Measurements.Request("/activities", prefecture));
		requests.put("list, prefecture 5132 user, 交往交流交融 of last month",
				new Measurements.Request("/activities?kind=EXCHANGE&regionCode=5132" + drill, prefecture));
		requests.put("list, county 513201 user, page 3", new Measurements.Request("/activities?page=2", county));
		requests.put("list, county 513201 user, a township", new Measurements.Request("/activities?regionCode=513201001", county));
		var data = new LinkedHashMap<String, Long>();
		data.put("activity", jdbc.queryForObject("select count(*) from activity", Long.class));
		data.put("activity_tally", jdbc.queryForObject("select count(*) from activity_tally", Long.class));
		report.append(Measurements.measure(mvc, requests, "bench-activity.txt", data));
		Measurements.write("bench-activity.txt", report.toString());
	}

	/** The activities, once per database: kinds in the proportions of a prefecture's year, 宣传宣讲 most. */
	private void activities(LocalDate today) {
		if (jdbc.queryForObject("select count(*) from activity where created_by = 'bench'", Long.class) > 0) {
			return;
		}
		long start = System.nanoTime();
		jdbc.update("""
				insert into activity (kind, title, started_on, ended_on, region_code, place, participants,
				                      cadre_participants, public_participants, student_participants, destination, created_by)
				select kind, case kind when 'PUBLICITY' then '基准宣讲' when 'QUIZ' then '基准竞答' else '基准活动' end || g,
				       day, day + (g % 3 = 0)::int, code, '基准地点', people, people / 10, people - people / 10 - people / 5,
				       people / 5, case when kind = 'EXCHANGE' then '成都' end, 'bench'
				from (select array_agg(code order by code) as codes from region
				      where code like '51%' and level in ('TOWNSHIP', 'VILLAGE') and retired_at is null) places,
				     generate_series(1, ?) g,
				     lateral (select (array['PUBLICITY', 'PUBLICITY', 'PUBLICITY', 'PUBLICITY', 'PUBLICITY', 'QUIZ', 'TRAINING',
				                            'CULTURE_SPORTS', 'FESTIVAL', 'EXCHANGE', 'SEMINAR', 'OTHER'])[1 + g % 12] as kind,
				                     ?::date - 1 - ((g::bigint * 7919) % 365)::int as day,
				                     10 + (g::bigint * 37 % 190)::int as people,
				                     places.codes[(1 + (g::bigint * 104729) % cardinality(places.codes))::int] as code) s
				""", ACTIVITIES, java.sql.Date.valueOf(today));
		// As autovacuum leaves a table that has settled: statistics, and the visibility map that lets the
		// figures read the day index alone.
		jdbc.execute("vacuum (analyze) activity, activity_tally");
		log.info("{} activities generated in {} ms", ACTIVITIES, (System.nanoTime() - start) / 1_000_000);
	}

}
