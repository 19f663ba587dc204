package org.pomegranate.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Province-scale data for the benchmarks, generated in SQL once per database (a run finds what an
 * earlier one made and reuses it): the pairing records, then the petition ledger on top.
 */
final class ProvinceData {

	private static final Logger log = LoggerFactory.getLogger(ProvinceData.class);

	static final int HOUSEHOLDS = Integer.getInteger("bench.households", 1_000_000);

	static final int PETITIONS = Integer.getInteger("bench.petitions", 1_000_000);

	private ProvinceData() {
	}

	/**
	 * 1,000,000 households over every village of Sichuan, 200,000 cadres, 1,000,000 pairings in two
	 * programs, 5,000,000 visits; once per database. Returns the two program ids.
	 */
	static long[] pairings(JdbcTemplate jdbc) {
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
				from generate_series(1, ?) g join bench_village v on v.n = g % ? + 1""", ProvinceData.HOUSEHOLDS, villages);
		log.info("households: {} s", (System.nanoTime() - start) / 1_000_000_000);
		jdbc.update("""
				insert into cadre (name, gender, ethnicity, level, region_code)
				select '基准干部' || g, 'FEMALE', '04', case when g % 10 = 0 then 'YUZIYUAN' else 'GENERAL' end, t.code
				from generate_series(1, ?) g join bench_township t on t.n = g % ? + 1""", ProvinceData.HOUSEHOLDS / 5, townships);
		long all = jdbc.queryForObject("""
				insert into pairing_program (name, region_code, target_categories, cadre_levels, min_households,
				                             max_households, visit_interval_days)
				values ('基准：民族团结进家庭', '51', 255, 31, 2, 8, 60) returning id""", Long.class);
		long disabled = jdbc.queryForObject("""
				insert into pairing_program (name, region_code, target_categories, cadre_levels, min_households,
				                             max_households, visit_interval_days)
				values ('基准：联谊残疾人家庭', '51', 1, 31, 1, 3, 90) returning id""", Long.class);
		long firstCadre = jdbc.queryForObject("select min(id) from cadre where name like '基准干部%'", Long.class);
		// 80 % of all households in the first program (4 per cadre, quota 2–8), and disabled ones in the
		// second (one per cadre, quota 1–3): 1,000,000 pairings for 1,000,000 households.
		jdbc.update("""
				insert into pairing (program_id, cadre_id, household_id, region_code, started_on)
				select ?, ? + h.id % ?, h.id, h.region_code, current_date - 400 + (h.id % 200)::int
				from household h where h.head_name like '基准户%' and h.id % 5 <> 0""", all, firstCadre, ProvinceData.HOUSEHOLDS / 5);
		jdbc.update("""
				insert into pairing (program_id, cadre_id, household_id, region_code, started_on)
				select ?, ? + (row_number() over (order by h.id) - 1) % ?, h.id, h.region_code,
				       current_date - 400 + (h.id % 200)::int
				from household h where h.head_name like '基准户%' and h.categories & 1 <> 0
				order by h.id limit ?""", disabled, firstCadre, ProvinceData.HOUSEHOLDS / 5, ProvinceData.HOUSEHOLDS / 5);
		log.info("pairings: {} s", (System.nanoTime() - start) / 1_000_000_000);
		// Five visits per pairing: 5,000,000 visits.
		// The trigger that keeps last_visit_on is set aside for the bulk load and its work done in one update.
		jdbc.execute("alter table visit disable trigger visit_keeps_pairing_last_visit");
		try {
			jdbc.update("""
					insert into visit (pairing_id, household_id, region_code, visited_on, kind, visitors, findings, created_by)
					select p.id, p.household_id, p.region_code,
					       p.started_on + ((current_date - p.started_on) * k / 6)::int,
					       (array['HOME_VISIT','PHONE','FESTIVAL','POLICY_TALK','HELP'])[1 + (p.id + k) % 5], '基准干部', '基准走访', 'bench'
					from pairing p cross join generate_series(1, 5) k
					where p.program_id in (?, ?)""", all, disabled);
			jdbc.update("""
					update pairing p set last_visit_on = v.last from (select pairing_id, max(visited_on) as last from visit group by 1) v
					where v.pairing_id = p.id and p.program_id in (?, ?)""", all, disabled);
		}
		finally {
			jdbc.execute("alter table visit enable trigger visit_keeps_pairing_last_visit");
		}
		jdbc.execute("vacuum analyze household");
		jdbc.execute("vacuum analyze pairing");
		jdbc.execute("vacuum analyze visit");
		jdbc.execute("vacuum analyze cadre");
		log.info("generated in {} s: {}", (System.nanoTime() - start) / 1_000_000_000, counts(jdbc));
		return new long[] { all, disabled };
	}

	/**
	 * 1,000,000 petitions over three years, raised by the generated households (so over every
	 * village), in a realistic mix: about 4 % open (more among the last two weeks' ones), 2 %
	 * unresolvable, 5 % answered with policy, the rest solved; most closed ones rated, one in 50
	 * closed once and reopened (some of them open again), one in 400 a backlog case. No steps or attachments: the ledger and the
	 * figures read the petition rows only.
	 */
	static void petitions(JdbcTemplate jdbc) {
		pairings(jdbc);
		if (jdbc.queryForObject("select exists (select 1 from petition where registered_by = 'bench')", Boolean.class)) {
			return;
		}
		long start = System.nanoTime();
		long firstHousehold = jdbc.queryForObject("select min(id) from household where head_name like '基准户%'", Long.class);
		jdbc.update("""
				insert into petition (number, submission_token, source, household_id, petitioner_name, petitioner_phone,
				                      region_code, category_id, title, urgency, received_on, state, outcome, rating,
				                      accept_due_on, close_due_on, first_pushed_on, first_accepted_on, closed_on,
				                      reopen_count, backlog, backlog_marked_on, backlog_target_on, registered_by)
				select left(h.region_code, 6) || '-' || to_char(p.received_on, 'YYYY') || '-' || lpad(p.g::text, 7, '0'),
				       gen_random_uuid(), (array['HOME_VISIT','LETTER','WALK_IN','HOTLINE','ONLINE','TALK','OTHER'])[1 + p.g % 7],
				       h.id, h.head_name, '138' || lpad((p.g % 100000000)::text, 8, '0'), h.region_code,
				       (select array_agg(id order by id) from petition_category)[1 + p.g % 11], '基准诉求', 'NORMAL',
				       p.received_on, p.state,
				       case when p.open then null when p.m < 6 then 'UNRESOLVABLE' when p.m < 11 then 'POLICY' else 'SOLVED' end,
				       case when p.state in ('RATED', 'ARCHIVED') then case when p.g % 7 = 6 then 'BASICALLY_SATISFIED' else 'SATISFIED' end end,
				       p.received_on + 3, p.received_on + 15,
				       case when p.state <> 'REGISTERED' then p.received_on + 1 end,
				       case when p.state not in ('REGISTERED', 'PUSHED') then p.received_on + 2 end,
				       case when not p.open or p.g % 50 = 0 then least(p.received_on + 5 + p.g % 20, current_date) end,
				       case when p.g % 50 = 0 then 1 else 0 end,
				       p.g % 400 = 0, case when p.g % 400 = 0 then p.received_on + 30 end,
				       case when p.g % 400 = 0 then p.received_on + 180 end, 'bench'
				from (select g, g % 100 as m, current_date - (g % 1095) as received_on,
				             g % 100 < 4 or (g % 1095 < 15 and g % 100 < 30) as open,
				             case when g % 100 < 4 or (g % 1095 < 15 and g % 100 < 30)
				                  then (array['REGISTERED','PUSHED','ACCEPTED','IN_PROGRESS'])[1 + g % 4]
				                  else (array['CLOSED','CLOSED','CLOSED','RATED','RATED','RATED','RATED','ARCHIVED','ARCHIVED','ARCHIVED'])[1 + g / 100 % 10]
				             end as state
				      from generate_series(1, ?) g) p
				join household h on h.id = ? + p.g % ?""", PETITIONS, firstHousehold, HOUSEHOLDS);
		jdbc.execute("vacuum analyze petition");
		log.info("petitions generated in {} s: {}", (System.nanoTime() - start) / 1_000_000_000, counts(jdbc));
	}

	static Map<String, Long> counts(JdbcTemplate jdbc) {
		var counts = new LinkedHashMap<String, Long>();
		for (var table : List.of("household", "cadre", "pairing", "visit", "petition")) {
			counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
		}
		return counts;
	}

}
