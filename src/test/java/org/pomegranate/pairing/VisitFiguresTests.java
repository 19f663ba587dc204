package org.pomegranate.pairing;

import org.pomegranate.shared.SubmissionTokens;
import org.pomegranate.pairing.cadre.CadreLevel;
import org.pomegranate.pairing.cadre.CadreService;
import org.pomegranate.pairing.household.HouseholdService;
import org.pomegranate.pairing.program.PairingService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.pomegranate.pairing.CadreForms.aCadre;
import static org.pomegranate.pairing.HouseholdForms.aHousehold;
import static org.pomegranate.pairing.PairingFixtures.idNumber;
import static org.pomegranate.pairing.ProgramForms.aProgram;
import static org.pomegranate.pairing.household.HouseholdCategory.DISABLED;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The visit figures against visits counted by hand in a township of 九龙县 that no other test
 * touches, and the per-county tally against the rows through inserts, edits, moves and deletes.
 */
@IntegrationTest
@WithUserDetails("gz_admin")
class VisitFiguresTests {

	static final String TOWNSHIP = "513324995";

	static final String VILLAGE_A = "513324995001";

	static final String VILLAGE_B = "513324995002";

	@Autowired
	VisitFigures figures;

	@Autowired
	HouseholdService households;

	@Autowired
	CadreService cadres;

	@Autowired
	PairingService pairings;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void countsVisitsByKindMonthAndRegionAndTheTallyFollowsEveryChange() {
		PairingFixtures.township(jdbc);
		jdbc.update("insert into region (code, name, level, parent_code) values (?, '走访测试乡', 'TOWNSHIP', '513324') on conflict do nothing", TOWNSHIP);
		jdbc.update("insert into region (code, name, level, parent_code) values (?, '东村', 'VILLAGE', ?) on conflict do nothing", VILLAGE_A, TOWNSHIP);
		jdbc.update("insert into region (code, name, level, parent_code) values (?, '西村', 'VILLAGE', ?) on conflict do nothing", VILLAGE_B, TOWNSHIP);
		var program = pairings.createProgram(aProgram().named("走访统计测试计划").targeting(DISABLED)
				.forLevels(CadreLevel.GENERAL).households(0, 9).visitedEvery(30).build());
		var a = households.create(aHousehold().named("走访户甲").withIdNumber(idNumber("19800303", 1))
				.in(VILLAGE_A).withCategories(DISABLED).build());
		var b = households.create(aHousehold().named("走访户乙").withIdNumber(idNumber("19800303", 2))
				.in(VILLAGE_B).withCategories(DISABLED).build());
		// A cadre of the county: above both villages, so the program may pair them with either.
		var cadre = cadres.create(aCadre().named("走访干部").in("513324").atLevel(CadreLevel.GENERAL).build());
		var pa = pairings.pair(program.getId(), cadre.getId(), a.getId(), LocalDate.of(2023, 12, 1),
				SubmissionTokens.fresh());
		var pb = pairings.pair(program.getId(), cadre.getId(), b.getId(), LocalDate.of(2023, 12, 1),
				SubmissionTokens.fresh());
		var countyBefore = figures.total("513324", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31)).total();

		// 东村: 2 home visits and a phone call in January, a festival visit in February; 西村: 1 call in February, 1 in April.
		visit(pa.getId(), "2024-01-05", "HOME_VISIT");
		visit(pa.getId(), "2024-01-20", "HOME_VISIT");
		visit(pa.getId(), "2024-01-31", "PHONE");
		visit(pa.getId(), "2024-02-10", "FESTIVAL");
		visit(pb.getId(), "2024-02-29", "PHONE");
		visit(pb.getId(), "2024-04-01", "PHONE");
		assertTallyMatchesRows();

		var from = LocalDate.of(2024, 1, 1);
		var to = LocalDate.of(2024, 3, 31);
		var total = figures.total(TOWNSHIP, from, to);
		assertThat(total.total()).isEqualTo(5);
		assertThat(total.of(VisitKind.HOME_VISIT)).isEqualTo(2);
		assertThat(total.of(VisitKind.PHONE)).isEqualTo(2);
		assertThat(total.of(VisitKind.FESTIVAL)).isEqualTo(1);
		assertThat(total.of(VisitKind.HELP)).isZero();
		assertThat(figures.byChildRegion(TOWNSHIP, from, to)).extracting(r -> r.name() + " " + r.counts().total())
			.containsExactly("东村 4", "西村 1");
		assertThat(figures.byMonth(TOWNSHIP, from, to)).extracting(r -> r.key() + " " + r.counts().total())
			.containsExactly("2024-01 3", "2024-02 2", "2024-03 0");
		// The county and the prefecture read the tally: the same five more.
		assertThat(figures.total("513324", from, to).total()).isEqualTo(countyBefore + 5);
		assertThat(figures.byChildRegion("5133", from, to)).filteredOn(r -> r.key().equals("513324"))
			.singleElement()
			.satisfies(r -> assertThat(r.counts().total()).isEqualTo(countyBefore + 5));
		assertThat(figures.count("5133", from, to, "''", true)).isEqualTo(figures.count("5133", from, to, "''", false));

		// A visit changes kind and month; one moves with its household to the other village; one is deleted.
		jdbc.update("update visit set kind = 'HELP', visited_on = '2024-03-03' where pairing_id = ? and visited_on = '2024-01-31'", pa.getId());
		jdbc.update("update visit set region_code = ? where pairing_id = ? and visited_on = '2024-02-10'", VILLAGE_B, pa.getId());
		jdbc.update("delete from visit where pairing_id = ? and visited_on = '2024-04-01'", pb.getId());
		assertTallyMatchesRows();
		assertThat(figures.byMonth(TOWNSHIP, from, to)).extracting(r -> r.key() + " " + r.counts().total())
			.containsExactly("2024-01 2", "2024-02 2", "2024-03 1");
		assertThat(figures.byChildRegion(TOWNSHIP, from, to)).extracting(r -> r.name() + " " + r.counts().total())
			.containsExactly("东村 3", "西村 2");
		assertThat(figures.total("513324", from, to).of(VisitKind.HELP))
			.isEqualTo(figures.count("513324", from, to, "''", false).get("").of(VisitKind.HELP));
		// Whole months from the monthly tally, the days around them from the daily one: as the rows say.
		for (var period : List.of(List.of(from, to), List.of(LocalDate.of(2024, 1, 15), LocalDate.of(2024, 3, 10)),
				List.of(LocalDate.of(2024, 1, 20), LocalDate.of(2024, 2, 5)), List.of(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29)))) {
			for (var key : List.of("''", "to_char(visited_on, 'YYYY-MM')")) {
				assertThat(figures.count("5133", period.get(0), period.get(1), key, true)).as(period + " " + key)
					.isEqualTo(figures.count("5133", period.get(0), period.get(1), key, false));
			}
		}
	}

	private void visit(long pairing, String on, String kind) {
		jdbc.update("""
				insert into visit (pairing_id, household_id, region_code, visited_on, kind, visitors, created_by)
				select id, household_id, region_code, ?::date, ?, '走访干部', 'test' from pairing where id = ?""", on, kind,
				pairing);
	}

	private void assertTallyMatchesRows() {
		var tallied = jdbc.queryForList("select county_code, visited_on, kind, visits from visit_tally where visits <> 0")
			.stream().map(row -> List.copyOf(row.values()).toString()).toList();
		var counted = jdbc.queryForList("select left(region_code, 6), visited_on, kind, count(*) from visit group by 1, 2, 3")
			.stream().map(row -> List.copyOf(row.values()).toString()).toList();
		assertThat(tallied).containsExactlyInAnyOrderElementsOf(counted);
		var monthly = jdbc.queryForList("select county_code, visited_month, kind, visits from visit_month_tally where visits <> 0")
			.stream().map(row -> List.copyOf(row.values()).toString()).toList();
		var countedByMonth = jdbc.queryForList("""
				select left(region_code, 6) as c, date_trunc('month', visited_on)::date as m, kind, count(*) as n
				from visit group by 1, 2, 3""").stream().map(row -> List.copyOf(row.values()).toString()).toList();
		assertThat(monthly).containsExactlyInAnyOrderElementsOf(countedByMonth);
	}

}
