package org.pomegranate.bench;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.database.LoaderIdentity;
import org.pomegranate.unit.UnitFigures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Province scale for the campaign units ({@link ProvinceData#units}: the 石榴籽 network over every
 * township and most villages of Sichuan, its 育籽员, ten years of titles, on top of the pairing and
 * petition data): the unit figures alone ({@link UnitFigures}, as the figure source asks them) and
 * through the whole web stack in the dashboard's JSON (tiles and ranking, every source), at
 * province, prefecture and county level; and the unit and title list pages as a province admin, a
 * prefecture supervisor and a county staff member see them (their own region, a filter, a later
 * page), where this build has them (a route answering 404 is reported as missing, not measured). A past period's tiles are
 * not measured through the web: the pairing coverage of a past day is counted from the rows (see
 * {@code Coverage}) and takes minutes at this scale whatever the units do; the unit figures of a
 * past day are measured alone. Not part of {@code ./mvnw verify}: run {@code bench/unit.sh}.
 */
@Tag("benchmark")
@IntegrationTest
@Import(SqlTimer.class)
class UnitBenchmark {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	UnitFigures units;

	@Test
	void unitFiguresAndListsAtProvinceScale() throws Exception {
		ProvinceData.units(jdbc);
		var admin = user(users.loadUserByUsername("bench_admin"));
		var today = LocalDate.now(ChinaTime.ZONE);
		var report = new StringBuilder();

		// The unit figures alone: what the figure source asks for a dashboard (standing today, named this month).
		report.append(String.format("%-52s %8s %8s %8s%n", "unit figures (service, no web)", "p50 ms", "p95 ms", "max ms"));
		// Today (the state columns and partial indexes) and the last day of last year (from the rows' dates).
		var lastYear = LocalDate.of(today.getYear() - 1, 12, 31);
		for (var day : new LocalDate[] { today, lastYear }) {
			for (var region : new String[] { "51", "5132", "513201" }) {
				var millis = new ArrayList<Double>();
				for (int run = 0; run < Measurements.WARM_UP + Measurements.RUNS; run++) {
					long start = System.nanoTime();
					LoaderIdentity.asAdminOf("51", "bench", () -> {
						units.of(region, day);
						units.named(region, day.withDayOfMonth(1), day);
						units.byChildRegion(region, day);
						return units.namedByChildRegion(region, day.withDayOfMonth(1), day);
					});
					if (run >= Measurements.WARM_UP) {
						millis.add((System.nanoTime() - start) / 1e6);
					}
				}
				var sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
				report.append(String.format("%-52s %8.1f %8.1f %8.1f%n",
						"figures + by region below, " + region + (day.equals(today) ? ", today" : ", " + day),
						Measurements.percentile(sorted, 50), Measurements.percentile(sorted, 95), sorted[sorted.length - 1]));
			}
		}

		var requests = new LinkedHashMap<String, Measurements.Request>();
		for (var region : new String[] { "51", "5132", "513201" }) {
			var level = switch (region.length()) {
				case 2 -> "province";
				case 4 -> "prefecture";
				default -> "county";
			};
			requests.put("api tiles (all sources), " + level + " " + region,
					new Measurements.Request("/api/stats/tiles?region=" + region, admin));
			requests.put("api regions (all sources), " + level + " " + region,
					new Measurements.Request("/api/stats/regions?region=" + region, admin));
		}
		// The lists as a user of each level sees them: their own region's first page, a filter, a later page.
		jdbc.update("""
				insert into user_account (username, display_name, password_hash, role, region_code)
				values ('bench_supervisor_5132', '基准测试州督导', '{noop}not-used', 'SUPERVISOR', '5132'),
				       ('bench_staff_513201', '基准测试县填报员', '{noop}not-used', 'STAFF', '513201')
				on conflict do nothing""");
		var prefecture = user(users.loadUserByUsername("bench_supervisor_5132"));
		var county = user(users.loadUserByUsername("bench_staff_513201"));
		var lists = new LinkedHashMap<String, Measurements.Request>();
		lists.put("units, province admin, first page", new Measurements.Request("/units", admin));
		lists.put("units, province admin, 工作室 of 5132", new Measurements.Request("/units?regionCode=5132&kind=WORK_STUDIO", admin));
		lists.put("units, province admin, by name, page 3", new Measurements.Request("/units?sort=name&page=2", admin));
		lists.put("units, prefecture 5132 user, first page", new Measurements.Request("/units", prefecture));
		lists.put("units, prefecture 5132 user, 未上墙", new Measurements.Request("/units?wallPosted=false", prefecture));
		lists.put("units, county 513201 user, page 3", new Measurements.Request("/units?page=2", county));
		lists.put("units, county 513201 user, named", new Measurements.Request("/units?named=true", county));
		lists.put("namings, province admin, first page", new Measurements.Request("/namings", admin));
		lists.put("namings, province admin, 有效 of 5132", new Measurements.Request("/namings?regionCode=5132&state=VALID", admin));
		lists.put("namings, prefecture 5132 user, first page", new Measurements.Request("/namings", prefecture));
		lists.put("namings, prefecture 5132 user, 已到期", new Measurements.Request("/namings?state=EXPIRED", prefecture));
		lists.put("namings, county 513201 user, first page", new Measurements.Request("/namings", county));
		lists.put("namings, county 513201 user, 示范家庭", new Measurements.Request("/namings?holderKind=HOUSEHOLD", county));
		lists.put("title directory (名录), province admin, first pages", new Measurements.Request("/namings/directory", admin));
		lists.put("title directory (名录), prefecture 5132 user, page 3",
				new Measurements.Request("/namings/directory?page=2", prefecture));
		var missing = new ArrayList<String>();
		for (var list : lists.entrySet()) {
			var request = list.getValue();
			int status = mvc.perform(get(request.path()).with(request.user())).andReturn().getResponse().getStatus();
			if (status == 404) {
				missing.add(request.path());
			}
			else {
				requests.put(list.getKey(), request);
			}
		}
		report.append(Measurements.measure(mvc, requests, "bench-unit.txt", ProvinceData.counts(jdbc)));
		if (!missing.isEmpty()) {
			report.append("not measured (404 in this build): ").append(String.join(", ", missing)).append('\n');
		}
		report.append(unitData());
		Measurements.write("bench-unit.txt", report.toString());
	}

	private String unitData() {
		List<String> lines = jdbc.queryForList("""
				select kind || ' ' || count(*) from campaign_unit group by kind
				union all select 'memberships YUZIYUAN (active) ' || count(*) from unit_membership where role = 'YUZIYUAN' and left_on is null
				union all select 'titles ' || state || ' ' || count(*) from naming group by state""", String.class);
		return "unit data: " + String.join(", ", lines) + "\n";
	}

}
