package org.pomegranate.bench;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Province scale for the pairing module: 1,000,000 households over every village of Sichuan,
 * 1,000,000 pairings in two programs, 5,000,000 visits. Generated in SQL, then the coverage page
 * at province, prefecture and county level and filtered household lists are requested through
 * the whole web stack (security, scope, controller, template) and their p95 reported. Not part
 * of {@code ./mvnw verify}: run {@code bench/pairing.sh}.
 */
@Tag("benchmark")
@IntegrationTest
class PairingBenchmark {

	private static final Logger log = LoggerFactory.getLogger(PairingBenchmark.class);

	static final int HOUSEHOLDS = Integer.getInteger("bench.households", 1_000_000);

	static final int WARM_UP = 5;

	static final int RUNS = Integer.getInteger("bench.runs", 40);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Test
	void coverageAndHouseholdListsAtProvinceScale() throws Exception {
		long[] programs = generate();
		long all = programs[0];
		long disabled = programs[1];
		var requests = new LinkedHashMap<String, String>();
		requests.put("coverage, province 51", "/coverage?program=" + all + "&region=51");
		requests.put("coverage, prefecture 5133", "/coverage?program=" + all + "&region=5133");
		requests.put("coverage, county 513301", "/coverage?program=" + all + "&region=513301");
		requests.put("coverage, province 51 (残疾人家庭 program)", "/coverage?program=" + disabled + "&region=51");
		requests.put("households, prefecture 5133, unpaired", "/households?programId=" + all + "&regionCode=5133&status=UNPAIRED");
		requests.put("households, county 513301, overdue", "/households?programId=" + all + "&regionCode=513301&status=OVERDUE");
		requests.put("households, province, last-4 search", "/households?text=042X");
		requests.put("households, prefecture 5133, category, page 20", "/households?regionCode=5133&category=DISABLED&page=20");
		requests.put("pairings, county 513301, overdue", "/pairings?programId=" + all + "&regionCode=513301&status=OVERDUE");
		requests.put("visits, prefecture 5133, kind", "/visits?regionCode=5133&kind=FESTIVAL");

		var admin = user(users.loadUserByUsername("bench_admin"));
		var report = new StringBuilder();
		report.append(String.format("%-52s %8s %8s %8s%n", "request", "p50 ms", "p95 ms", "max ms"));
		var only = System.getProperty("bench.only", "");
		for (var request : requests.entrySet()) {
			if (!request.getKey().startsWith(only)) {
				continue;
			}
			var millis = new ArrayList<Double>();
			for (int run = 0; run < WARM_UP + RUNS; run++) {
				long start = System.nanoTime();
				var response = mvc.perform(get(request.getValue()).with(admin)).andReturn().getResponse();
				double elapsed = (System.nanoTime() - start) / 1e6;
				if (response.getStatus() != 200) {
					throw new IllegalStateException(request.getValue() + " answered " + response.getStatus());
				}
				if (run >= WARM_UP) {
					millis.add(elapsed);
				}
			}
			var sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
			report.append(String.format("%-52s %8.1f %8.1f %8.1f%n", request.getKey(), percentile(sorted, 50),
					percentile(sorted, 95), sorted[sorted.length - 1]));
		}
		report.append(String.format("data: %s%n", counts()));
		log.info("Pairing benchmark ({} runs after {} warm-up):\n{}", RUNS, WARM_UP, report);
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target/bench-pairing.txt"), report.toString());
		System.out.println(report);
	}

	/** Creates the province-scale data once per database; returns the two program ids. */
	private long[] generate() {
		jdbc.update("""
				insert into user_account (username, display_name, password_hash, role, region_code)
				values ('bench_admin', '基准测试', '{noop}not-used', 'ADMIN', '51') on conflict do nothing""");
		var existing = jdbc.queryForList("select id from pairing_program where name like '基准%' order by name", Long.class);
		if (existing.size() == 2) {
			return new long[] { existing.get(0), existing.get(1) };
		}
		long start = System.nanoTime();
		jdbc.execute("create temporary table bench_village as select row_number() over (order by code) as n, code "
				+ "from region where level = 'VILLAGE' and code like '51%'");
		int villages = jdbc.queryForObject("select count(*) from bench_village", Integer.class);
		jdbc.execute("create temporary table bench_township as select row_number() over (order by code) as n, code "
				+ "from region where level = 'TOWNSHIP' and code like '51%'");
		int townships = jdbc.queryForObject("select count(*) from bench_township", Integer.class);
		jdbc.update("""
				insert into household (head_name, id_number, ethnicity, region_code, member_count, categories)
				select '基准户' || g, '5' || lpad(g::text, 16, '0') || 'X', case when g % 5 = 0 then '01' else '04' end,
				       v.code, 1 + g % 6, (1 << (g % 8)) | case when g % 4 = 0 then 1 else 0 end
				from generate_series(1, ?) g join bench_village v on v.n = g % ? + 1""", HOUSEHOLDS, villages);
		log.info("households: {} s", (System.nanoTime() - start) / 1_000_000_000);
		jdbc.update("""
				insert into cadre (name, gender, ethnicity, level, region_code)
				select '基准干部' || g, 'FEMALE', '04', case when g % 10 = 0 then 'YUZIYUAN' else 'GENERAL' end, t.code
				from generate_series(1, ?) g join bench_township t on t.n = g % ? + 1""", HOUSEHOLDS / 5, townships);
		long all = jdbc.queryForObject("""
				insert into pairing_program (name, region_code, target_categories, cadre_levels, min_households,
				                             max_households, visit_interval_days)
				values ('基准：民族团结进家庭', '51', 255, 31, 2, 8, 60) returning id""", Long.class);
		long disabled = jdbc.queryForObject("""
				insert into pairing_program (name, region_code, target_categories, cadre_levels, min_households,
				                             max_households, visit_interval_days)
				values ('基准：联谊残疾人家庭', '51', 1, 31, 1, 3, 90) returning id""", Long.class);
		long firstCadre = jdbc.queryForObject("select min(id) from cadre where name like '基准干部%'", Long.class);
		// 80 % of all households in the first program, and the disabled ones (a quarter and more) in the second:
		// 1,000,000 pairings for 1,000,000 households.
		jdbc.update("""
				insert into pairing (program_id, cadre_id, household_id, region_code, started_on)
				select ?, ? + h.id % ?, h.id, h.region_code, current_date - 400 + (h.id % 200)::int
				from household h where h.head_name like '基准户%' and h.id % 5 <> 0""", all, firstCadre, HOUSEHOLDS / 5);
		jdbc.update("""
				insert into pairing (program_id, cadre_id, household_id, region_code, started_on)
				select ?, ? + (h.id * 7) % ?, h.id, h.region_code, current_date - 400 + (h.id % 200)::int
				from household h where h.head_name like '基准户%' and h.categories & 1 <> 0
				order by h.id limit ?""", disabled, firstCadre, HOUSEHOLDS / 5, HOUSEHOLDS / 5);
		log.info("pairings: {} s", (System.nanoTime() - start) / 1_000_000_000);
		// Five visits per pairing: 5,000,000 visits.
		// The trigger that keeps last_visit_on is set aside for the bulk load and its work done in one update.
		jdbc.execute("alter table visit disable trigger visit_keeps_pairing_last_visit");
		jdbc.update("""
				insert into visit (pairing_id, household_id, region_code, visited_on, kind, visitors, findings, created_by)
				select p.id, p.household_id, p.region_code,
				       least(current_date, p.started_on + k * (40 + p.id % 50)::int),
				       (array['HOME_VISIT','PHONE','FESTIVAL','POLICY_TALK','HELP'])[1 + (p.id + k) % 5], '基准干部', '基准走访', 'bench'
				from pairing p cross join generate_series(1, 5) k
				where p.program_id in (?, ?)""", all, disabled);
		jdbc.update("""
				update pairing p set last_visit_on = v.last from (select pairing_id, max(visited_on) as last from visit group by 1) v
				where v.pairing_id = p.id and p.program_id in (?, ?)""", all, disabled);
		jdbc.execute("alter table visit enable trigger visit_keeps_pairing_last_visit");
		jdbc.execute("vacuum analyze household");
		jdbc.execute("vacuum analyze pairing");
		jdbc.execute("vacuum analyze visit");
		jdbc.execute("vacuum analyze cadre");
		log.info("generated in {} s: {}", (System.nanoTime() - start) / 1_000_000_000, counts());
		return new long[] { all, disabled };
	}

	private Map<String, Long> counts() {
		var counts = new LinkedHashMap<String, Long>();
		for (var table : List.of("household", "cadre", "pairing", "visit")) {
			counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
		}
		return counts;
	}

	private static double percentile(double[] sorted, int percent) {
		int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
	}

}
