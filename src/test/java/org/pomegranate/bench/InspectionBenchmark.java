package org.pomegranate.bench;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.figures.Period;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.database.LoaderIdentity;
import org.pomegranate.supervision.inspection.InspectionFigures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Province scale for inspections and rectifications: {@code bench.findings} findings (40,000 by
 * default) over every township of Sichuan, each with its rectification in every state over two
 * years, 400 inspections and 2,000 notices, generated in SQL. Measured: the supervision figures
 * alone ({@link InspectionFigures}, as the figure source asks them, with the regions below) at
 * province, prefecture and county level, today and a past day; the figures page; and the ledger,
 * its filters and a later page, the inbox, the inspection and notice lists as a province admin, a
 * prefecture supervisor and county staff see them. Not part of {@code ./mvnw verify}: run
 * {@code bench/inspection.sh}.
 */
@Tag("benchmark")
@IntegrationTest
@Import(SqlTimer.class)
class InspectionBenchmark {

	private static final int FINDINGS = Integer.getInteger("bench.findings", 40_000);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	InspectionFigures figures;

	@Test
	void supervisionFiguresAndListsAtProvinceScale() throws Exception {
		long generated = generate();
		jdbc.update("""
				insert into user_account (username, display_name, password_hash, role, region_code)
				values ('bench_inspection_admin', '基准测试省管理员', '{noop}not-used', 'ADMIN', '51'),
				       ('bench_inspection_5132', '基准测试州督导', '{noop}not-used', 'SUPERVISOR', '5132'),
				       ('bench_inspection_513201', '基准测试县填报员', '{noop}not-used', 'STAFF', '513201')
				on conflict do nothing""");
		var admin = user(users.loadUserByUsername("bench_inspection_admin"));
		var prefecture = user(users.loadUserByUsername("bench_inspection_5132"));
		var county = user(users.loadUserByUsername("bench_inspection_513201"));
		var today = LocalDate.now(ChinaTime.ZONE);
		var report = new StringBuilder();
		report.append(String.format("generated in %d ms%n", generated));
		report.append(String.format("%-52s %8s %8s %8s%n", "supervision figures (service, no web)", "p50 ms", "p95 ms", "max ms"));
		var month = Period.month(java.time.YearMonth.from(today));
		var lastYear = Period.year(today.getYear() - 1);
		for (var period : new Period[] { month, lastYear }) {
			var day = period.standingOn(today);
			for (var region : new String[] { "51", "5132", "513201" }) {
				var millis = new ArrayList<Double>();
				for (int run = 0; run < Measurements.WARM_UP + Measurements.RUNS; run++) {
					long start = System.nanoTime();
					LoaderIdentity.asAdminOf("51", "bench", () -> {
						figures.of(region, period, day);
						return figures.byChildRegion(region, period, day);
					});
					if (run >= Measurements.WARM_UP) {
						millis.add((System.nanoTime() - start) / 1e6);
					}
				}
				var sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
				report.append(String.format("%-52s %8.1f %8.1f %8.1f%n", "figures + by region below, " + region + ", "
						+ period.code(), Measurements.percentile(sorted, 50), Measurements.percentile(sorted, 95),
						sorted[sorted.length - 1]));
			}
		}
		var requests = new LinkedHashMap<String, Measurements.Request>();
		requests.put("figures page, province admin, 51", new Measurements.Request("/inspections/figures?region=51", admin));
		requests.put("figures page, prefecture 5132 user", new Measurements.Request("/inspections/figures", prefecture));
		requests.put("ledger, province admin, first page", new Measurements.Request("/rectifications", admin));
		requests.put("ledger, province admin, overdue", new Measurements.Request("/rectifications?overdue=true", admin));
		requests.put("ledger, province admin, 严重 待整改 of 5132",
				new Measurements.Request("/rectifications?region=5132&state=OPEN&severity=GRAVE", admin));
		requests.put("ledger, province admin, by deadline, page 3",
				new Measurements.Request("/rectifications?sort=dueOn&page=2", admin));
		requests.put("ledger, province admin, open on a day (drill-down)",
				new Measurements.Request("/rectifications?region=51&openOn=" + today, admin));
		requests.put("ledger, prefecture 5132 user, first page", new Measurements.Request("/rectifications", prefecture));
		requests.put("ledger, county 513201 user, overdue", new Measurements.Request("/rectifications?overdue=true", county));
		requests.put("inbox, county 513201 staff", new Measurements.Request("/rectifications/inbox", county));
		requests.put("inbox, prefecture 5132 supervisor", new Measurements.Request("/rectifications/inbox", prefecture));
		requests.put("inspections, province admin", new Measurements.Request("/inspections", admin));
		requests.put("notices, county 513201 staff", new Measurements.Request("/notices", county));
		requests.put("notices, province admin, criticism", new Measurements.Request("/notices?kind=CRITICISM", admin));
		report.append(Measurements.measure(mvc, requests, "bench-inspection.txt", counts()));
		Measurements.write("bench-inspection.txt", report.toString());
	}

	/** The data, once per database: findings over Sichuan's townships with their rectifications, inspections and notices. */
	private long generate() {
		long start = System.nanoTime();
		if (jdbc.queryForObject("select count(*) from finding where created_by = 'bench'", Long.class) >= FINDINGS) {
			return 0;
		}
		jdbc.update("""
				insert into inspection (submission_token, region_code, kind, title, starts_on, ends_on, created_by)
				select gen_random_uuid(), p.code, 'SPECIAL', '基准督查 ' || g, current_date - (g * 37 % 700),
				       current_date - (g * 37 % 700), 'bench'
				from region p, generate_series(1, 20) g where p.parent_code = '51'""");
		jdbc.update("""
				with t as (select code, name, row_number() over (order by code) as n, count(*) over () as c
				           from region where code like '51%' and length(code) = 9),
				     i as (select min(id) as first, count(*) as c from inspection where created_by = 'bench')
				insert into finding (inspection_id, region_code, responsible_name, description, severity, found_on, created_by)
				select i.first + g % i.c, t.code, t.name, '基准问题 ' || g, (array['MINOR', 'MAJOR', 'GRAVE'])[1 + g % 3],
				       current_date - (g * 13 % 730), 'bench'
				from generate_series(1, ?) g cross join i join t on t.n = 1 + (g::bigint * 7919) % t.c""", FINDINGS);
		jdbc.update("""
				insert into rectification (source, finding_id, region_code, region_above, responsible_name, issuing_region_code,
				                           subject, severity, opened_on, due_on, state, reported_on, closed_on, returns)
				select 'FINDING', f.id, f.region_code, left(f.region_code, 6), f.responsible_name, left(f.region_code, 4),
				       f.description, f.severity, f.found_on, f.found_on + 15, s.state,
				       case when s.state <> 'OPEN' then f.found_on + 8 end, case when s.state = 'VERIFIED' then f.found_on + 10 end,
				       case when s.state = 'RETURNED' then 1 else 0 end
				from finding f
				cross join lateral (select (array['OPEN', 'REPORTED', 'RETURNED', 'VERIFIED', 'VERIFIED', 'VERIFIED'])[1 + f.id % 6]
				                    as state) s
				where f.created_by = 'bench'""");
		jdbc.update("""
				insert into rectification_step (rectification_id, region_code, action, to_state, actor_username, actor_name)
				select r.id, r.region_code, 'OPEN', 'OPEN', 'bench', '基准' from rectification r
				join finding f on f.id = r.finding_id where f.created_by = 'bench'""");
		jdbc.update("""
				insert into notice (submission_token, region_code, kind, number, issued_on, title, body, rectify_by, state,
				                    drafted_by, drafted_by_name, published_on)
				select gen_random_uuid(), c.code, case when g % 2 = 0 then 'PRAISE' else 'CRITICISM' end, '基准〔2026〕' || g || '号',
				       current_date - (g * 11 % 700), '基准通报 ' || g, '正文', current_date + 30,
				       case when g % 5 = 0 then 'DRAFT' else 'PUBLISHED' end, 'bench', '基准',
				       case when g % 5 = 0 then null else current_date - (g * 11 % 700) end
				from (select code, row_number() over (order by code) as n from region where code like '51%' and length(code) <= 6) c
				join generate_series(1, 2000) g on g % 200 = c.n % 200""");
		jdbc.execute("analyze inspection, finding, rectification, rectification_step, notice");
		return (System.nanoTime() - start) / 1_000_000;
	}

	private Map<String, Long> counts() {
		var counts = new LinkedHashMap<String, Long>();
		for (var table : new String[] { "inspection", "finding", "rectification", "notice" }) {
			counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
		}
		return counts;
	}

}
