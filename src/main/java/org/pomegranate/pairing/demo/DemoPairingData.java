package org.pomegranate.pairing.demo;

import org.pomegranate.pairing.cadre.CadreLevel;
import org.pomegranate.pairing.household.HouseholdCategory;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Random;

import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.IdNumber;
import org.pomegranate.shared.RegionCode;
import org.pomegranate.region.Region;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.database.DemoDataCondition;
import org.pomegranate.shared.database.LoaderIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A believable 甘孜州 data set for the embedded demo database: households in villages of 康定市,
 * 泸定县 and 丹巴县; the 43 prefecture leaders each paired with a household with disabled members
 * (seed 000); a 康定市 program; a year of visits, with some households left unpaired and some
 * overdue. Deterministic (fixed seed), loaded once.
 */
@Component
@Conditional(DemoDataCondition.class)
@Order(1)
public class DemoPairingData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoPairingData.class);

	/** Townships whose villages get households: three of 康定市, two of 泸定县, two of 丹巴县. */
	private static final RegionCode KANGDING = RegionCode.of("513301");

	private static final String[] TOWNSHIPS = { "513301001", "513301101", "513301103", "513322100", "513322101",
			"513323100", "513323101" };

	private static final String[] SURNAMES_TIBETAN = { "泽仁", "扎西", "格桑", "次仁", "洛绒", "益西", "降央", "尼玛", "达瓦", "呷绒",
			"曲珍", "卓玛", "拉姆", "央宗", "多吉", "登真" };

	private static final String[] GIVEN_TIBETAN = { "卓玛", "多吉", "拉姆", "旺姆", "邓珠", "降措", "翁姆", "取珍", "措姆", "丹增", "泽仁",
			"志玛" };

	private static final String[] SURNAMES_HAN = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "罗", "彭", "高", "杜" };

	private static final String[] GIVEN_HAN = { "建国", "秀英", "国华", "桂兰", "志强", "玉梅", "德明", "春燕", "永福", "红梅", "文军",
			"兴华" };

	private static final String[] FINDINGS = { "家中老人腿脚不便，冬季取暖需要帮助", "孩子上学交通困难", "残疾人两项补贴已按时发放",
			"希望了解医保报销政策", "牦牛养殖缺少技术指导", "房屋漏雨需要维修", "家庭和睦，生产生活正常", "务工收入稳定", "需要办理残疾证换证",
			"虫草采挖季节劳力不足" };

	private static final String[] ACTIONS = { "联系乡卫生院上门随访", "协调村里安排互助", "讲解医保和大病救助政策", "送去米面油和棉被",
			"联系农技站安排培训", "帮助申请危房改造", "代办残疾证换证手续", "宣讲民族团结进步政策" };

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final RegionService regions;

	DemoPairingData(JdbcTemplate jdbc, TransactionTemplate transaction, Clock clock, RegionService regions) {
		this.regions = regions;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		// Villages come from the region module, read as the province's admin would.
		LoaderIdentity.loadOnce(jdbc, "select count(*) from household", transaction, this::load);
	}

	private void load() {
		var random = new Random(2024_02_05L);
		var today = ChinaTime.today(clock);

		// Households in the villages of the chosen townships.
		var households = new ArrayList<long[]>(); // id, categories
		var householdRegions = new ArrayList<String>();
		int sequence = 0;
		for (String township : TOWNSHIPS) {
			var villages = regions.activeChildren(township).stream().limit(6).map(Region::getCode).toList();
			for (String village : villages) {
				int count = 8 + random.nextInt(10);
				for (int i = 0; i < count; i++) {
					sequence++;
					boolean han = random.nextInt(10) < 2;
					var name = han ? pick(random, SURNAMES_HAN) + pick(random, GIVEN_HAN)
							: pick(random, SURNAMES_TIBETAN) + pick(random, GIVEN_TIBETAN);
					var ethnicity = han ? "01" : random.nextInt(20) == 0 ? "07" : "04";
					var birth = LocalDate.of(1950 + random.nextInt(46), 1 + random.nextInt(12), 1 + random.nextInt(28));
					var idNumber = IdNumber.withCheckCharacter(RegionCode.of(village).county().orElseThrow()
							+ birth.toString().replace("-", "") + String.format("%03d", sequence % 1000));
					int categories = categories(random);
					var phone = random.nextInt(4) == 0 ? null : "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
					Long id = jdbc.queryForObject("""
							insert into household (head_name, id_number, ethnicity, phone, region_code, address, member_count,
							                       categories, notes)
							values (?, ?, ?, ?, ?, ?, ?, ?, null) returning id""", Long.class, name, idNumber, ethnicity, phone,
							village, (random.nextInt(30) + 1) + "号", 1 + random.nextInt(7), categories);
					households.add(new long[] { id, categories });
					householdRegions.add(village);
				}
			}
		}

		// Cadres: the 43 prefecture leaders, and cadres of each county.
		var leaders = new ArrayList<Long>();
		for (int i = 1; i <= 43; i++) {
			leaders.add(cadre(random, "PREFECTURE_LEADER", "5133", "甘孜州人民政府", "州级领导"));
		}
		var countyCadres = new ArrayList<Long>();
		for (String county : new String[] { "513301", "513322", "513323" }) {
			for (int i = 0; i < 3; i++) {
				cadre(random, "COUNTY_LEADER", county, "县（市）委", "县级领导");
			}
			for (int i = 0; i < 12; i++) {
				var id = cadre(random, i < 4 ? "DEPARTMENT_HEAD" : i < 9 ? "GENERAL" : "YUZIYUAN", county,
						pick(random, new String[] { "民宗局", "乡村振兴局", "教育局", "卫健局", "乡镇政府" }), i < 4 ? "局长" : "干部");
				if (county.equals("513301")) {
					countyCadres.add(id);
				}
			}
		}

		// Programs.
		Long leaderProgram = jdbc.queryForObject("""
				insert into pairing_program (name, region_code, target_categories, cadre_levels, min_households,
				                             max_households, visit_interval_days)
				values ('州级领导联谊残疾人家庭', '5133', ?, ?, 1, 1, 90) returning id""", Long.class,
				HouseholdCategory.DISABLED.bit(), CadreLevel.PREFECTURE_LEADER.bit());
		int countyTargets = HouseholdCategory.LIFTED_FROM_POVERTY.bit() | HouseholdCategory.MONITORED.bit()
				| HouseholdCategory.HARDSHIP.bit();
		Long countyProgram = jdbc.queryForObject("""
				insert into pairing_program (name, region_code, target_categories, cadre_levels, min_households,
				                             max_households, visit_interval_days)
				values ('康定市民族团结进家庭 2024', '513301', ?, ?, 2, 6, 30) returning id""", Long.class, countyTargets,
				CadreLevel.DEPARTMENT_HEAD.bit() | CadreLevel.GENERAL.bit() | CadreLevel.YUZIYUAN.bit());

		// 43 leaders ↔ 43 households with disabled members (seed 000); the other such households stay unpaired.
		var pairings = new ArrayList<Object[]>(); // pairing id, started on, household id, region
		int leader = 0;
		for (int i = 0; i < households.size() && leader < leaders.size(); i++) {
			if ((households.get(i)[1] & HouseholdCategory.DISABLED.bit()) != 0 && random.nextInt(3) > 0) {
				var started = today.minusDays(200 + random.nextInt(150));
				pairings.add(pair(leaderProgram, leaders.get(leader++), households.get(i)[0], householdRegions.get(i), started));
			}
		}
		// The 康定市 program: most target households of 康定市 paired, up to six each.
		int cadreIndex = 0;
		int held = 0;
		for (int i = 0; i < households.size(); i++) {
			if (KANGDING.covers(RegionCode.of(householdRegions.get(i))) && (households.get(i)[1] & countyTargets) != 0
					&& random.nextInt(10) < 8 && cadreIndex < countyCadres.size()) {
				var started = today.minusDays(60 + random.nextInt(300));
				pairings.add(pair(countyProgram, countyCadres.get(cadreIndex), households.get(i)[0], householdRegions.get(i),
						started));
				if (++held == 2 + random.nextInt(4)) {
					cadreIndex++;
					held = 0;
				}
			}
		}

		// Visits over the past year; a fifth of the pairings lapse and become overdue.
		var visits = new ArrayList<Object[]>();
		for (Object[] pairing : pairings) {
			var started = (LocalDate) pairing[1];
			boolean lapsed = random.nextInt(5) == 0;
			var date = started.plusDays(random.nextInt(20));
			var stop = lapsed ? today.minusDays(120) : today;
			while (!date.isAfter(stop)) {
				visits.add(new Object[] { pairing[0], pairing[2], pairing[3], Date.valueOf(date),
						pick(random, new String[] { "HOME_VISIT", "HOME_VISIT", "PHONE", "FESTIVAL", "POLICY_TALK", "HELP" }),
						pick(random, FINDINGS), pick(random, ACTIONS),
						random.nextInt(4) == 0 ? new BigDecimal(100 * (1 + random.nextInt(10))) : BigDecimal.ZERO,
						random.nextInt(8) == 0 });
				date = date.plusDays(20 + random.nextInt(40));
			}
		}
		jdbc.batchUpdate("""
				insert into visit (pairing_id, household_id, region_code, visited_on, kind, visitors, findings,
				                   actions_taken, aid_amount, follow_up_needed, created_by)
				select ?, ?, ?, ?, ?, c.name, ?, ?, ?, ?, 'demo' from pairing p join cadre c on c.id = p.cadre_id where p.id = ?
				""", visits.stream().map(v -> new Object[] { v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[0] })
			.toList());
		log.info("Demo pairing data: {} households, {} pairings, {} visits", households.size(), pairings.size(),
				visits.size());
	}

	private Object[] pair(Long program, Long cadre, long household, String region, LocalDate started) {
		Long id = jdbc.queryForObject("""
				insert into pairing (program_id, cadre_id, household_id, region_code, started_on)
				values (?, ?, ?, ?, ?) returning id""", Long.class, program, cadre, household, region, Date.valueOf(started));
		return new Object[] { id, started, household, region };
	}

	private Long cadre(Random random, String level, String region, String unit, String position) {
		boolean han = random.nextInt(3) == 0;
		var name = han ? pick(random, SURNAMES_HAN) + pick(random, GIVEN_HAN)
				: pick(random, SURNAMES_TIBETAN) + pick(random, GIVEN_TIBETAN);
		return jdbc.queryForObject("""
				insert into cadre (name, gender, ethnicity, work_unit, position, level, region_code, phone)
				values (?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, name, random.nextBoolean() ? "MALE" : "FEMALE",
				han ? "01" : "04", unit, position, level, region, "139" + String.format("%08d", random.nextInt(100_000_000)));
	}

	private static int categories(Random random) {
		int bits = 0;
		if (random.nextInt(100) < 28) {
			bits |= HouseholdCategory.DISABLED.bit();
		}
		if (random.nextInt(100) < 40) {
			bits |= HouseholdCategory.LIFTED_FROM_POVERTY.bit();
		}
		if (random.nextInt(100) < 12) {
			bits |= HouseholdCategory.MONITORED.bit();
		}
		if (random.nextInt(100) < 10) {
			bits |= HouseholdCategory.HARDSHIP.bit();
		}
		if (random.nextInt(100) < 5) {
			bits |= HouseholdCategory.MIGRANT_MINORITY.bit();
		}
		if (random.nextInt(100) < 6) {
			bits |= HouseholdCategory.MODEL.bit();
		}
		return bits == 0 ? HouseholdCategory.OTHER.bit() : bits;
	}

	private static String pick(Random random, String[] values) {
		return values[random.nextInt(values.length)];
	}

}
