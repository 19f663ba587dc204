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

	/**
	 * The 石榴籽 work network at a realistic density over Sichuan, on top of the petition data (甘孜州
	 * keeps the demo's own network): a 工作中心 per county and per township, a 工作室 in nine villages
	 * of ten under their township's centre, one or two 工作队 per studio, a head per unit and one or
	 * two 育籽员 per studio and team (the generated cadres; one in twenty since left); most centres and
	 * studios with their rules on the wall. Titles over ten years of batches: each year every
	 * prefecture names about 3 % of its studios and one household in 667, every county one household
	 * in 300, the province a tenth of the counties (and the nation some of them); titles past their
	 * five years 已到期, a few live ones under re-check or 限期整改, one in 211 revoked. Once per database.
	 */
	static void units(JdbcTemplate jdbc) {
		petitions(jdbc);
		if (jdbc.queryForObject("select exists (select 1 from campaign_unit where created_by = 'bench')", Boolean.class)) {
			return;
		}
		long start = System.nanoTime();
		jdbc.update("""
				insert into campaign_unit (name, kind, region_code, founded_on, wall_posted_on, created_by)
				select name || '石榴籽工作中心', 'WORK_CENTRE', code, current_date - 1500 - abs(hashtext(code)) % 300,
				       case when abs(hashtext(code)) % 10 <> 0 then current_date - 1000 end, 'bench'
				from region where level = 'COUNTY' and code like '51%' and code not like '5133%'""");
		jdbc.update("""
				insert into campaign_unit (name, kind, region_code, parent_id, founded_on, wall_posted_on, created_by)
				select t.name || '石榴籽工作中心', 'WORK_CENTRE', t.code, c.id, c.founded_on + abs(hashtext(t.code)) % 300,
				       case when abs(hashtext(t.code)) % 10 <> 0 then current_date - 900 + abs(hashtext(t.code)) % 300 end, 'bench'
				from region t join campaign_unit c on c.region_code = t.parent_code and c.created_by = 'bench'
				where t.level = 'TOWNSHIP' and t.code like '51%'""");
		jdbc.update("""
				insert into campaign_unit (name, kind, region_code, parent_id, founded_on, wall_posted_on, created_by)
				select v.name || '石榴籽工作室', 'WORK_STUDIO', v.code, c.id, c.founded_on + 60 + abs(hashtext(v.code)) % 400,
				       case when abs(hashtext(v.code)) % 7 <> 0 then current_date - 600 + abs(hashtext(v.code)) % 500 end, 'bench'
				from region v join campaign_unit c on c.region_code = v.parent_code and c.created_by = 'bench'
				where v.level = 'VILLAGE' and v.code like '51%' and abs(hashtext(v.code)) % 10 <> 0""");
		jdbc.update("""
				insert into campaign_unit (name, kind, region_code, parent_id, founded_on, created_by)
				select replace(s.name, '工作室', '工作' || k || '队'), 'WORK_TEAM', s.region_code, s.id,
				       least(s.founded_on + 30 * k, current_date), 'bench'
				from campaign_unit s cross join generate_series(1, 2) k
				where s.kind = 'WORK_STUDIO' and s.created_by = 'bench' and (k = 1 or s.id % 2 = 0)""");
		long firstCadre = jdbc.queryForObject("select min(id) from cadre where name like '基准干部%'", Long.class);
		int cadres = HOUSEHOLDS / 5;
		jdbc.update("""
				insert into unit_membership (unit_id, cadre_id, role, region_code, joined_on, left_on, created_by)
				select u.id, ? + (u.id * 7 + m.k) % ?, m.role, u.region_code, u.founded_on + 10,
				       case when m.role = 'YUZIYUAN' and (u.id + m.k) % 20 = 0 then current_date - 30 end, 'bench'
				from campaign_unit u cross join (values (0, 'HEAD'), (1, 'YUZIYUAN'), (2, 'YUZIYUAN')) m(k, role)
				where u.created_by = 'bench'
				  and (m.role = 'HEAD' or (u.kind <> 'WORK_CENTRE' and (m.k = 1 or u.id % 10 = 0)))""", firstCadre, cadres);
		log.info("units: {} s", (System.nanoTime() - start) / 1_000_000_000);
		var years = java.time.LocalDate.now().getYear();
		for (int y = 0; y < 10; y++) {
			int year = years - 9 + y;
			jdbc.update("""
					insert into naming_batch (issuer_region_code, level, year, number, title, decision_number, decided_on, created_by)
					select code, case length(code) when 2 then 'PROVINCE' when 4 then 'PREFECTURE' else 'COUNTY' end, ?, 1,
					       ? || '年度民族团结进步示范', '基准〔' || ? || '〕1号', make_date(?, 6, 1), 'bench'
					from region where code like '51%' and level in ('PROVINCE', 'PREFECTURE', 'COUNTY')
					union all
					select '51', 'NATIONAL', ?, 1, ? || '年度全国民族团结进步示范区', '基准〔' || ? || '〕2号', make_date(?, 6, 1), 'bench'
					on conflict do nothing""", year, year, year, year, year, year, year, year);
			// The holders of one year: studios (州级), households (州级 and 县级), counties (省级 and 国家级).
			jdbc.update("""
					insert into naming (holder_kind, holder_region_code, unit_id, household_id, holder_name, title, level,
					                    issuer_region_code, state, applied_on, batch_id, named_on, valid_until, decision_number,
					                    rectify_by, revoked_on, revocation_number, revocation_reason, verification_code, created_by)
					select h.kind, h.region, h.unit_id, h.household_id, h.name, h.title, h.level, b.issuer_region_code,
					       h.state, h.named_on - 45, b.id, h.named_on, h.valid_until, b.decision_number,
					       case when h.state = 'RECTIFYING' then current_date + 30 end,
					       case when h.state = 'REVOKED' then least(h.named_on + 400, current_date) end,
					       case when h.state = 'REVOKED' then '基准撤〔' || ? || '〕9号' end,
					       case when h.state = 'REVOKED' then '复查不合格' end,
					       upper(substr(md5(h.kind || coalesce(h.unit_id, h.household_id, 0) || h.region || h.level), 1, 12)), 'bench'
					from (select x.*,
					             case when x.valid_until < current_date then 'EXPIRED'
					                  when x.n % 211 = 0 then 'REVOKED'
					                  when x.n % 97 = 0 then 'RECTIFYING'
					                  when x.n % 50 = 0 then 'UNDER_RECHECK'
					                  else 'VALID' end as state
					      from (select s.*, (s.named_on + interval '5 years')::date - 1 as valid_until
					            from (select 'UNIT' as kind, u.region_code as region, u.id as unit_id, null::bigint as household_id,
					                         u.name, '民族团结进步示范单位' as title, 'PREFECTURE' as level, left(u.region_code, 4) as issuer,
					                         make_date(?, 6, 1) + (u.id % 60)::int as named_on, u.id as n
					                  from campaign_unit u
					                  where u.created_by = 'bench' and u.kind = 'WORK_STUDIO' and (u.id + ?) % 33 = 0
					                  union all
					                  select 'HOUSEHOLD', hh.region_code, null, hh.id, hh.head_name || '家庭', '民族团结进步示范家庭',
					                         case when hh.id % 667 = ? then 'PREFECTURE' else 'COUNTY' end,
					                         case when hh.id % 667 = ? then left(hh.region_code, 4) else left(hh.region_code, 6) end,
					                         make_date(?, 6, 1) + (hh.id % 60)::int, hh.id
					                  from household hh
					                  where hh.head_name like '基准户%' and (hh.id % 667 = ? or hh.id % 300 = 200 + ?)
					                  union all
					                  select 'REGION', r.code, null, null, r.name, l.title, l.level, '51',
					                         make_date(?, 6, 1) + l.shift, hashtext(r.code)
					                  from region r cross join (values ('四川省民族团结进步示范县', 'PROVINCE', 0),
					                                                   ('全国民族团结进步示范县', 'NATIONAL', 90)) l(title, level, shift)
					                  where r.level = 'COUNTY' and r.code like '51%' and abs(hashtext(r.code)) % 10 = ?
					                    and (l.level = 'PROVINCE' or abs(hashtext(r.code)) % 3 = 0)) s
					            where s.named_on <= current_date) x) h
					join naming_batch b on b.issuer_region_code = h.issuer and b.level = h.level and b.year = ? and b.number = 1
					""", year, year, y, y, y, year, y, y, year, y, year);
		}
		jdbc.execute("vacuum analyze campaign_unit");
		jdbc.execute("vacuum analyze unit_membership");
		jdbc.execute("vacuum analyze naming");
		log.info("units and titles generated in {} s: {}", (System.nanoTime() - start) / 1_000_000_000, counts(jdbc));
	}

	/**
	 * An assessment of every county of Sichuan (183) for each of the last three years on the demo
	 * county framework (58 articles, 66 scored nodes), on top of the petition data (so the live
	 * figures read a province's ledgers): the year before last confirmed, last year mostly evaluated
	 * or confirmed, this year drafts, submitted and under review; scores as the demo's
	 * ({@code DemoAssessments.score}); one piece of evidence per county, frozen for every scored
	 * node of a submitted assessment (evidence metadata: 36,000 snapshot rows). Once per database.
	 */
	static void assessments(JdbcTemplate jdbc) {
		petitions(jdbc);
		if (jdbc.queryForObject("select exists (select 1 from assessment where created_by = 'bench')", Boolean.class)) {
			return;
		}
		long start = System.nanoTime();
		int year = java.time.LocalDate.now().getYear();
		jdbc.update("""
				insert into assessment (framework_id, holder_kind, holder_region_code, holder_name, year, purpose, state, created_by)
				select f.id, 'REGION', r.code, r.name, y.year,
				       'APPLICATION',
				       case y.k
				            when 0 then 'CONFIRMED'
				            when 1 then (array['CONFIRMED', 'CONFIRMED', 'EVALUATED', 'APPEALED'])[1 + abs(hashtext(r.code)) % 4]
				            else (array['DRAFT', 'DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'RETURNED'])[1 + abs(hashtext(r.code)) % 5] end,
				       'bench'
				from region r
				cross join (select ? - 2 + k as year, k from generate_series(0, 2) k) y
				cross join (select id from indicator_framework where name = '示范县测评指标（演示）' and state = 'PUBLISHED'
				            order by version_number desc limit 1) f
				where r.level = 'COUNTY' and r.code like '51%'""", year);
		org.pomegranate.assessment.output.demo.DemoAssessments.score(jdbc, "bench");
		jdbc.update("""
				insert into evidence (holder_kind, holder_region_code, title, kind, made_on, created_by)
				select 'REGION', r.code, r.name || '创建工作台账', 'RECORD', make_date(?, 3, 1), 'bench'
				from region r where r.level = 'COUNTY' and r.code like '51%'""", year - 2);
		jdbc.update("""
				insert into evidence_snapshot (assessment_id, submission, node_id, evidence_id, file_id, file_name, sha256, size_bytes)
				select a.id, 1, s.node_id, e.id, s.node_id, '台账' || s.node_id || '.pdf', md5(a.id || '-' || s.node_id) || md5(s.node_id::text),
				       200000 + s.node_id
				from assessment a join assessment_score s on s.assessment_id = a.id
				join evidence e on e.holder_region_code = a.holder_region_code and e.created_by = 'bench'
				where a.created_by = 'bench' and a.state <> 'DRAFT'""");
		jdbc.execute("vacuum analyze assessment");
		jdbc.execute("vacuum analyze assessment_score");
		jdbc.execute("vacuum analyze evidence_snapshot");
		log.info("assessments generated in {} ms: {}", (System.nanoTime() - start) / 1_000_000,
				jdbc.queryForMap("select (select count(*) from assessment) as assessments, "
						+ "(select count(*) from assessment_score) as scores, (select count(*) from evidence_snapshot) as snapshots"));
	}

	static Map<String, Long> counts(JdbcTemplate jdbc) {
		var counts = new LinkedHashMap<String, Long>();
		for (var table : List.of("household", "cadre", "pairing", "visit", "petition", "campaign_unit", "unit_membership",
				"naming")) {
			counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
		}
		return counts;
	}

}
