package org.pomegranate.bench;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.database.LoaderIdentity;
import org.pomegranate.supervision.task.TaskFigures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Province scale for the task lists: three years of monthly lists down every level of Sichuan —
 * the province to each prefecture, each prefecture to its counties (two lists), each county to its
 * townships (three lists, standing in for the units a county sends its lists to) — about 350,000
 * instances in every state, generated in SQL (seconds). Measured: the task figures alone (region
 * and regions below, as the figure source asks them) at province, prefecture and county level; and
 * through the web the figures page, the list behind a figure, the issuer's lists and one list's
 * page, and the inbox of a county and of a township. Not part of {@code ./mvnw verify}: run
 * {@code bench/tasks.sh}; {@code -Dbench.taskMonths=12} makes a smaller set.
 */
@Tag("benchmark")
@IntegrationTest
@Import(SqlTimer.class)
class TaskBenchmark {

	private static final Logger log = LoggerFactory.getLogger(TaskBenchmark.class);

	static final int MONTHS = Integer.getInteger("bench.taskMonths", 36);

	static final String TITLE = "基准测试任务";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	TaskFigures figures;

	@Test
	void taskFiguresInboxesAndListsAtProvinceScale() throws Exception {
		var today = LocalDate.now(ChinaTime.ZONE);
		generate(today);
		var report = new StringBuilder();
		report.append(String.format("%-52s %8s %8s %8s%n", "task figures (service, no web)", "p50 ms", "p95 ms", "max ms"));
		var year = LocalDate.of(today.getYear(), 1, 1);
		for (var region : new String[] { "51", "5133", "513301" }) {
			int childLength = region.length() == 2 ? 4 : region.length() == 4 ? 6 : 9;
			var millis = new ArrayList<Double>();
			for (int run = 0; run < Measurements.WARM_UP + Measurements.RUNS; run++) {
				long start = System.nanoTime();
				LoaderIdentity.asAdminOf("51", "bench", () -> {
					figures.of(region, year, today);
					return figures.byChildRegion(region, childLength, year, today);
				});
				if (run >= Measurements.WARM_UP) {
					millis.add((System.nanoTime() - start) / 1e6);
				}
			}
			var sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
			report.append(String.format("%-52s %8.1f %8.1f %8.1f%n", "figures + by region below, " + region,
					Measurements.percentile(sorted, 50), Measurements.percentile(sorted, 95), sorted[sorted.length - 1]));
		}
		jdbc.update("""
				insert into user_account (username, display_name, password_hash, role, region_code)
				values ('bench_task_admin', '基准测试省管理员', '{noop}not-used', 'ADMIN', '51'),
				       ('bench_task_supervisor_5133', '基准测试州督导', '{noop}not-used', 'SUPERVISOR', '5133'),
				       ('bench_task_staff_513301', '基准测试县填报员', '{noop}not-used', 'STAFF', '513301'),
				       ('bench_task_staff_513301001', '基准测试乡镇填报员', '{noop}not-used', 'STAFF', '513301001')
				on conflict do nothing""");
		var province = user(users.loadUserByUsername("bench_task_admin"));
		var prefecture = user(users.loadUserByUsername("bench_task_supervisor_5133"));
		var county = user(users.loadUserByUsername("bench_task_staff_513301"));
		var township = user(users.loadUserByUsername("bench_task_staff_513301001"));
		long prefectureList = jdbc.queryForObject("select min(id) from task_list where title like ? and issuer_region_code = '5133'",
				Long.class, TITLE + "%");
		long countyList = jdbc.queryForObject("select min(id) from task_list where title like ? and issuer_region_code = '513301'",
				Long.class, TITLE + "%");
		var requests = new LinkedHashMap<String, Measurements.Request>();
		requests.put("api tiles (all sources), province 51", new Measurements.Request("/api/stats/tiles?region=51", province));
		requests.put("api regions (all sources), province 51", new Measurements.Request("/api/stats/regions?region=51", province));
		requests.put("task figures page, province admin", new Measurements.Request("/tasks/figures", province));
		requests.put("overdue behind the figure, province admin", new Measurements.Request("/tasks/instances?figure=overdue", province));
		requests.put("due behind the figure, province admin, page 3",
				new Measurements.Request("/tasks/instances?figure=due&page=2", province));
		requests.put("issued lists, province admin", new Measurements.Request("/tasks/lists", province));
		requests.put("issued lists, prefecture supervisor, page 2", new Measurements.Request("/tasks/lists?page=1", prefecture));
		requests.put("a prefecture list (18 counties × periods)", new Measurements.Request("/tasks/lists/" + prefectureList, prefecture));
		requests.put("a county list (townships × periods)", new Measurements.Request("/tasks/lists/" + countyList, prefecture));
		requests.put("inbox, county staff", new Measurements.Request("/tasks/inbox", county));
		requests.put("inbox, township staff", new Measurements.Request("/tasks/inbox", township));
		report.append(Measurements.measure(mvc, requests, "bench-tasks.txt", counts()));
		report.append(plans(today));
		Measurements.write("bench-tasks.txt", report.toString());
	}

	/** How PostgreSQL reads the province's figures: the plan's top line and its scans, with their times. */
	private String plans(LocalDate today) {
		var report = new StringBuilder("plans at province level:\n");
		var year = LocalDate.of(today.getYear(), 1, 1);
		var now = java.sql.Timestamp.from(java.time.Instant.now());
		var statements = new LinkedHashMap<String, Object[]>();
		statements.put("period sets", new Object[] { """
				select count(*) filter (where i.state = 'ACCEPTED') from task_instance i
				where i.region_code like '51%' and coalesce(i.granted_due_on, i.due_on) between ? and ? and i.opens_at <= ?""",
				new Object[] { year, today, now } });
		statements.put("overdue", new Object[] { """
				select count(*) from task_instance i where i.region_code like '51%'
				and i.state in ('PENDING', 'ACKNOWLEDGED', 'RETURNED') and coalesce(i.granted_due_on, i.due_on) < ? and i.opens_at <= ?""",
				new Object[] { today, now } });
		statements.forEach((label, statement) -> {
			var lines = jdbc.queryForList("explain (analyze, buffers) " + statement[0], String.class, (Object[]) statement[1]);
			report.append("  ").append(label).append(":\n");
			lines.stream().filter(line -> line.contains("Scan") || line.contains("Execution") || line.contains("Aggregate"))
				.forEach(line -> report.append("    ").append(line.strip()).append('\n'));
		});
		return report.toString();
	}

	private Map<String, Long> counts() {
		var counts = new LinkedHashMap<String, Long>();
		counts.put("task lists", jdbc.queryForObject("select count(*) from task_list", Long.class));
		counts.put("task instances", jdbc.queryForObject("select count(*) from task_instance", Long.class));
		jdbc.query("select state, count(*) from task_instance group by state order by state",
				row -> {
					counts.put(row.getString(1), row.getLong(2));
				});
		return counts;
	}

	/** The lists, their recipients and their instances of {@link #MONTHS} months up to next month; once per database. */
	private void generate(LocalDate today) {
		if (jdbc.queryForObject("select count(*) from task_list where title like ?", Long.class, TITLE + "%") > 0) {
			return;
		}
		long start = System.nanoTime();
		var first = today.withDayOfMonth(1).minusMonths(MONTHS - 2);
		jdbc.update("""
				insert into task_list (issuer_region_code, title, lead_office, recurrence, due_day, first_due_on, issued_by,
				                       issued_by_name, issued_at)
				select r.code, ? || n, '基准测试', 'MONTHLY', 25, ?, 'bench', '基准测试', (?::date)::timestamptz
				from region r cross join generate_series(1, case r.level when 'PROVINCE' then 1 when 'PREFECTURE' then 2 else 3 end) n
				where r.code like '51%' and r.level in ('PROVINCE', 'PREFECTURE', 'COUNTY') and r.retired_at is null""",
				TITLE, first, first);
		jdbc.update("""
				insert into task_recipient (list_id, recipient_key, region_code, name)
				select l.id, 'R:' || c.code, c.code, c.name from task_list l join region c on c.parent_code = l.issuer_region_code
				where l.title like ? and c.retired_at is null""", TITLE + "%");
		int made = jdbc.update("""
				insert into task_instance (list_id, recipient_key, region_code, issuer_region_code, recipient_name, period, opens_at,
				                           due_on, state, acknowledged_at, reported_on, accepted_on)
				select r.list_id, r.recipient_key, r.region_code, l.issuer_region_code, r.name, to_char(m, 'YYYY-MM'),
				       m::timestamp at time zone 'Asia/Shanghai', d,
				       case when d < ? then (case when h < 15 then 'ACCEPTED' when h = 15 then 'REPORTED' when h = 16 then 'RETURNED'
				                                  when h = 17 then 'ACKNOWLEDGED' else 'PENDING' end)
				            when m <= ? then (case when h < 8 then 'ACKNOWLEDGED' when h < 12 then 'REPORTED' else 'PENDING' end)
				            else 'PENDING' end,
				       case when (d < ? and h < 18) or (d >= ? and m <= ? and h < 12) then m::timestamp at time zone 'Asia/Shanghai'
				            + interval '6 hours' end,
				       case when d < ? and h < 13 then d - 2 when d < ? and h < 15 then d + 3 when d < ? and h < 17 then d - 1
				            when d >= ? and m <= ? and h >= 8 and h < 12 then m::date + 1 end,
				       case when d < ? and h < 13 then d + 1 when d < ? and h < 15 then d + 5 end
				from task_recipient r join task_list l on l.id = r.list_id
				cross join generate_series(?::date, ?::date, interval '1 month') as m
				cross join lateral (select (m + interval '24 days')::date as d,
				                           abs(hashtext(r.recipient_key || l.id || m::text)) % 20 as h) x
				where l.title like ?""", today, today, today, today, today, today, today, today, today, today, today, today,
				first, today.withDayOfMonth(1).plusMonths(1), TITLE + "%");
		// As autovacuum leaves them after a while: the visibility map set, so index-only scans stay index-only.
		jdbc.execute("vacuum analyze task_list, task_recipient, task_instance");
		log.info("Benchmark task data: {} instances in {} ms", made, (System.nanoTime() - start) / 1_000_000);
	}

}
