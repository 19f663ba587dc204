package org.pomegranate.pairing;

import org.pomegranate.shared.SubmissionTokens;
import org.pomegranate.pairing.cadre.Cadre;
import org.pomegranate.pairing.cadre.CadreLevel;
import org.pomegranate.pairing.cadre.CadreQuery.Quota;
import org.pomegranate.pairing.cadre.CadreService;
import org.pomegranate.pairing.household.Household;
import org.pomegranate.pairing.household.HouseholdService;
import org.pomegranate.pairing.program.PairingService;
import org.pomegranate.pairing.program.PairingStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.pomegranate.pairing.CadreForms.aCadre;
import static org.pomegranate.pairing.CadreQueries.aCadreQuery;
import static org.pomegranate.pairing.HouseholdForms.aHousehold;
import static org.pomegranate.pairing.HouseholdQueries.aHouseholdQuery;
import static org.pomegranate.pairing.PairingFixtures.idNumber;
import static org.pomegranate.pairing.ProgramForms.aProgram;
import static org.pomegranate.pairing.VisitForms.aVisit;
import static org.pomegranate.pairing.household.HouseholdCategory.DISABLED;
import static org.pomegranate.pairing.household.HouseholdCategory.HARDSHIP;
import static org.pomegranate.pairing.household.HouseholdCategory.MODEL;
import static org.pomegranate.pairing.household.HouseholdCategory.MONITORED;
import static org.pomegranate.pairing.household.HouseholdCategory.OTHER;
import static org.pomegranate.pairing.PairingFixtures.VILLAGE_A;
import static org.pomegranate.pairing.PairingFixtures.VILLAGE_B;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The coverage figures against a small data set counted by hand:
 *
 * <pre>
 * 甲村  h1 残疾 (c1, visited 10 days ago)   h2 监测 (c1, never visited, paired 60 days ago → overdue)
 *       h3 残疾+困难 (c3's pairing ended → unpaired)   h4 困难 (not a target; paired by c2 before it changed)
 *       h5 示范 (not a target)
 * 乙村  h6 残疾 (c2, 5 days ago)   h7 监测 (unpaired)   h8 其他 (not a target)
 *       h9, h10 残疾 (c1 over the quota)
 * cadres: c1 一般干部 holds 4 (above max 3), c2 holds 2, c3 holds 0 (below min 2),
 *         c4 县级领导 (not in the program), c5 一般干部 who left.
 * </pre>
 */
@IntegrationTest
@WithUserDetails("gz_admin")
class CoverageTests {

	@Autowired
	HouseholdService households;

	@Autowired
	CadreService cadres;

	@Autowired
	PairingService pairings;

	@Autowired
	Coverage coverage;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void countsTargetsPairedUnpairedOverdueAndQuotasAsCountedByHand() {
		PairingFixtures.township(jdbc);
		var today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		// A program of the test's own township: the demo's 石榴籽 network has cadres of this level in 九龙县's real ones.
		var program = pairings.createProgram(aProgram().named("覆盖测试计划").targeting(DISABLED, MONITORED)
				.forLevels(CadreLevel.GENERAL).households(2, 3).visitedEvery(30).in(PairingFixtures.TOWNSHIP).build());

		var h1 = households.create(aHousehold().named("户一").withIdNumber(idNumber("19600101", 1))
				.in(VILLAGE_A).withCategories(DISABLED).build());
		var h2 = households.create(aHousehold().named("户二").withIdNumber(idNumber("19600101", 2))
				.in(VILLAGE_A).withCategories(MONITORED).build());
		var h3 = households.create(aHousehold().named("户三").withIdNumber(idNumber("19600101", 3))
				.in(VILLAGE_A).withCategories(DISABLED, HARDSHIP).build());
		var h4 = households.create(aHousehold().named("户四").withIdNumber(idNumber("19600101", 4))
				.in(VILLAGE_A).withCategories(HARDSHIP).build());
		households.create(aHousehold().named("户五").withIdNumber(idNumber("19600101", 5))
				.in(VILLAGE_A).withCategories(MODEL).build());
		var h6 = households.create(aHousehold().named("户六").withIdNumber(idNumber("19600101", 6))
				.in(VILLAGE_B).withCategories(DISABLED).build());
		households.create(aHousehold().named("户七").withIdNumber(idNumber("19600101", 7))
				.in(VILLAGE_B).withCategories(MONITORED).build());
		households.create(aHousehold().named("户八").withIdNumber(idNumber("19600101", 8))
				.in(VILLAGE_B).withCategories(OTHER).build());
		var h9 = households.create(aHousehold().named("户九").withIdNumber(idNumber("19600101", 9))
				.in(VILLAGE_B).withCategories(DISABLED).build());
		var h10 = households.create(aHousehold().named("户十").withIdNumber(idNumber("19600101", 10))
				.in(VILLAGE_B).withCategories(DISABLED).build());

		var c1 = cadres.create(aCadre().named("干部一").atLevel(CadreLevel.GENERAL).build());
		var c2 = cadres.create(aCadre().named("干部二").atLevel(CadreLevel.GENERAL).build());
		var c3 = cadres.create(aCadre().named("干部三").atLevel(CadreLevel.GENERAL).build());
		cadres.create(aCadre().named("干部四").atLevel(CadreLevel.COUNTY_LEADER).build());
		var c5 = cadres.create(aCadre().named("干部五").atLevel(CadreLevel.GENERAL).build());
		cadres.leave(c5.getId(), c5.getVersion(), today.minusDays(1));

		var p1 = pairings.pair(program.getId(), c1.getId(), h1.getId(), today.minusDays(60), SubmissionTokens.fresh());
		var visit = aVisit().on(today.minusDays(10)).as(VisitKind.HOME_VISIT).by("干部一").finding("正常").build();
		pairings.recordVisit(p1.getId(), visit, List.of());
		pairings.pair(program.getId(), c1.getId(), h2.getId(), today.minusDays(60), SubmissionTokens.fresh());
		var p3 = pairings.pair(program.getId(), c3.getId(), h3.getId(), today.minusDays(90), SubmissionTokens.fresh());
		pairings.end(p3.getId(), p3.getVersion(), today.minusDays(20), "干部调动");
		pairings.pair(program.getId(), c2.getId(), h6.getId(), today.minusDays(5), SubmissionTokens.fresh());
		// Paired before it stopped being a target, and two over c1's quota: as old data would have them.
		for (var household : List.of(h4, h9, h10)) {
			jdbc.update("insert into pairing (program_id, cadre_id, household_id, region_code, started_on) values (?, ?, ?, ?, ?)",
					program.getId(), household == h4 ? c2.getId() : c1.getId(), household.getId(),
					household.getRegionCode(), today);
		}

		var county = coverage.of(program.getId(), PairingFixtures.COUNTY);
		assertThat(county.total()).isEqualTo(new CoverageReport.Row("513324", "九龙县", 7, 5, 1, 1, 1));
		assertThat(county.total().unpaired()).isEqualTo(2);
		assertThat(county.total().coveragePercent()).isEqualTo(71.4);
		assertThat(county.children()).filteredOn(row -> row.regionCode().equals(PairingFixtures.TOWNSHIP))
			.containsExactly(new CoverageReport.Row(PairingFixtures.TOWNSHIP, "测试乡", 7, 5, 1, 1, 1));
		assertThat(county.children()).filteredOn(row -> !row.regionCode().equals(PairingFixtures.TOWNSHIP))
			.allSatisfy(row -> assertThat(row.target()).isZero());

		var township = coverage.of(program.getId(), PairingFixtures.TOWNSHIP);
		assertThat(township.children()).containsExactly(new CoverageReport.Row(VILLAGE_A, "甲村", 3, 2, 1, 0, 0),
				new CoverageReport.Row(VILLAGE_B, "乙村", 4, 3, 0, 0, 0));
		assertThat(township.total()).isEqualTo(new CoverageReport.Row(PairingFixtures.TOWNSHIP, "测试乡", 7, 5, 1, 1, 1));

		// A prefecture and the province sum the tallies the triggers keep: the same figures.
		var expected = new CoverageReport.Row(PairingFixtures.COUNTY, "九龙县", 7, 5, 1, 1, 1);
		var prefecture = coverage.of(program.getId(), "5133");
		assertThat(prefecture.children()).filteredOn(row -> row.regionCode().equals(PairingFixtures.COUNTY))
			.containsExactly(expected);
		assertThat(prefecture.total()).extracting(CoverageReport.Row::target, CoverageReport.Row::paired,
				CoverageReport.Row::overdue, CoverageReport.Row::cadresBelowQuota, CoverageReport.Row::cadresAboveQuota)
			.containsExactly(7L, 5L, 1L, 1L, 1L);

		// Every figure links to a list with exactly as many records.
		assertThat(names(PairingStatus.UNPAIRED)).containsExactlyInAnyOrder("户三", "户七");
		assertThat(names(PairingStatus.OVERDUE)).containsExactly("户二");
		assertThat(names(PairingStatus.PAIRED)).hasSize(5);
		assertThat(names(null)).hasSize(7);
		// The cadre list of the program's own region (the cadre search does not narrow to a program's region by itself).
		var quotas = aCadreQuery().in(PairingFixtures.TOWNSHIP).inProgram(program.getId());
		assertThat(cadres.search(quotas.withQuota(Quota.BELOW).build(), Pageable.unpaged()).map(Cadre::getName))
			.containsExactly("干部三");
		assertThat(cadres.search(quotas.withQuota(Quota.ABOVE).build(), Pageable.unpaged()).map(Cadre::getName))
			.containsExactly("干部一");
	}

	/**
	 * The tallies stay equal to the rows through every kind of change: new and edited households
	 * (categories, village), pairings made, ended and reassigned, visits, cadres who move, change
	 * level or leave, and a program whose target changes.
	 */
	@Test
	void talliesFollowEveryChangeOfTheRows() {
		PairingFixtures.township(jdbc);
		var today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		var program = pairings.createProgram(aProgram().named("计数测试计划").targeting(DISABLED)
				.forLevels(CadreLevel.GENERAL, CadreLevel.YUZIYUAN).households(1, 1).visitedEvery(15).build());
		var h1 = households.create(aHousehold().named("计数户一").withIdNumber(idNumber("19700202", 1))
				.in(VILLAGE_A).withCategories(DISABLED).build());
		var h2 = households.create(aHousehold().named("计数户二").withIdNumber(idNumber("19700202", 2))
				.in(VILLAGE_A).withCategories(HARDSHIP).build());
		var h3 = households.create(aHousehold().named("计数户三").withIdNumber(idNumber("19700202", 3))
				.in(VILLAGE_B).withCategories(DISABLED, MODEL).build());
		var c1 = cadres.create(aCadre().named("计数干部一").atLevel(CadreLevel.GENERAL).build());
		var c2 = cadres.create(aCadre().named("计数干部二").atLevel(CadreLevel.YUZIYUAN).build());
		var c3 = cadres.create(aCadre().named("计数干部三").atLevel(CadreLevel.GENERAL).build());
		assertTalliesMatchRows();

		var p1 = pairings.pair(program.getId(), c1.getId(), h1.getId(), today.minusDays(40), SubmissionTokens.fresh());
		// Not a target yet, as old data would have it; it becomes one below.
		jdbc.update("insert into pairing (program_id, cadre_id, household_id, region_code, started_on) values (?, ?, ?, ?, ?)",
				program.getId(), c1.getId(), h2.getId(), h2.getRegionCode(), today.minusDays(30));
		var p3 = pairings.pair(program.getId(), c2.getId(), h3.getId(), today.minusDays(20), SubmissionTokens.fresh());
		var call = aVisit().on(today.minusDays(3)).as(VisitKind.PHONE).by("计数干部一").build();
		pairings.recordVisit(p1.getId(), call, List.of());
		assertTalliesMatchRows();

		pairings.reassign(p3.getId(), pairings.get(p3.getId()).getVersion(), c3.getId(), today.minusDays(1), "调岗");
		households.update(h2.getId(), h2.getVersion(), aHousehold().named("计数户二").withIdNumber(idNumber("19700202", 2))
				.in(VILLAGE_B).withCategories(HARDSHIP, DISABLED).build());
		households.update(h3.getId(), households.get(h3.getId()).getVersion(), aHousehold().named("计数户三")
			.withIdNumber(idNumber("19700202", 3))
			.in("513301001001")
			.withCategories(MODEL)
			.build());
		assertTalliesMatchRows();

		pairings.end(p1.getId(), pairings.get(p1.getId()).getVersion(), today, "户迁出");
		cadres.update(c1.getId(), cadres.get(c1.getId()).getVersion(), aCadre().named("计数干部一")
			.atLevel(CadreLevel.DEPARTMENT_HEAD)
			.in("5133")
			.build());
		cadres.leave(c2.getId(), cadres.get(c2.getId()).getVersion(), today);
		assertTalliesMatchRows();

		pairings.updateProgram(program.getId(), pairings.program(program.getId()).getVersion(),
				aProgram().named("计数测试计划")
					.targeting(DISABLED, HARDSHIP, MODEL)
					.forLevels(CadreLevel.GENERAL)
					.households(1, 2)
					.visitedEvery(15)
					.build());
		assertTalliesMatchRows();
		var live = coverage.of(program.getId(), "5133");
		var counted = coverage.count(pairings.program(program.getId()), live.region(), false);
		assertThat(live.total()).isEqualTo(counted.total());
		assertThat(live.children()).isEqualTo(counted.children());
		// h2 only: h1's pairing ended, h3 moved out of the program's county with its pairing.
		assertThat(live.total().paired()).isEqualTo(1);

		// Should a tally drift, one call counts them all again from the rows.
		jdbc.update("update household_tally set households = households + 5 where county_code = ?", PairingFixtures.COUNTY);
		jdbc.update("update cadre_tally set cadres = cadres + 1");
		jdbc.queryForList("select recount_tallies()");
		assertTalliesMatchRows();
	}

	/** Every tally table equals the same counts taken from the rows, zero rows aside. */
	private void assertTalliesMatchRows() {
		var checks = List.of(List.of("""
				select county_code, categories, households from household_tally where households <> 0""", """
				select left(region_code, 6), categories, count(*) from household group by 1, 2"""), List.of("""
				select program_id, county_code, pairings from pairing_tally where pairings <> 0""", """
				select p.program_id, left(p.region_code, 6), count(*) from pairing p join pairing_program g on g.id = p.program_id
				where p.ended_on is null and p.household_categories & g.target_categories <> 0 group by 1, 2"""), List.of("""
				select program_id, contact_on, county_code, pairings from pairing_contact_tally where pairings <> 0""", """
				select p.program_id, coalesce(p.last_visit_on, p.started_on), left(p.region_code, 6), count(*)
				from pairing p join pairing_program g on g.id = p.program_id
				where p.ended_on is null and p.household_categories & g.target_categories <> 0 group by 1, 2, 3"""), List.of("""
				select program_id, cadre_id, households from cadre_load where households <> 0""", """
				select program_id, cadre_id, count(*) from pairing where ended_on is null group by 1, 2"""), List.of("""
				select county_code, level, cadres from cadre_count where cadres <> 0""", """
				select left(region_code, 6), level, count(*) from cadre where left_on is null group by 1, 2"""), List.of("""
				select program_id, county_code, level, households, cadres from cadre_tally where cadres <> 0""", """
				select program_id, left(c.region_code, 6), c.level, held, count(*)
				from (select program_id, cadre_id, count(*) as held from pairing where ended_on is null group by 1, 2) l
				join cadre c on c.id = l.cadre_id where c.left_on is null group by 1, 2, 3, 4"""));
		for (var check : checks) {
			var tallied = jdbc.queryForList(check.get(0)).stream().map(row -> List.copyOf(row.values()).toString()).toList();
			var counted = jdbc.queryForList(check.get(1)).stream().map(row -> List.copyOf(row.values()).toString()).toList();
			assertThat(tallied).as(check.get(0)).containsExactlyInAnyOrderElementsOf(counted);
		}
	}

	private List<String> names(PairingStatus status) {
		long program = jdbc.queryForObject("select id from pairing_program where name = '覆盖测试计划'", Long.class);
		return households.search(aHouseholdQuery().in(PairingFixtures.COUNTY).inProgram(program).withStatus(status).build(),
				Pageable.unpaged())
			.map(Household::getHeadName)
			.toList();
	}

}
