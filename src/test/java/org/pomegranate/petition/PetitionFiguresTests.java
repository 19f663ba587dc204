package org.pomegranate.petition;

import org.pomegranate.petition.loop.Outcome;
import org.pomegranate.petition.loop.Petition;
import org.pomegranate.petition.loop.PetitionState;
import org.pomegranate.petition.loop.Rating;
import org.pomegranate.petition.loop.PetitionQuery;
import org.pomegranate.petition.loop.PetitionService;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The figures against data counted by hand, in townships of 九龙县 that no demo data touches:
 *
 * <pre>
 * 2024, 甲村: p1 已解决 满意 (10 days)   p2 政策解答 unrated (5 days)   p3 无法解决 (20 days)
 *             p4 reopened after 不满意, in progress, past its close limit → overdue
 *             p5 pushed, not accepted, past its accept limit → overdue
 *       乙村: p6 registered, within its limits   p7 已解决 基本满意, backlog marked 3-01, closed 3-10 (6 days)
 *             p8 已解决 满意, reopened once before (30 days)   p11 accepted, backlog marked 6-01
 * 2023, 乙村: p9 received 12-31, backlog marked 2024-02-01, resolved 2024-02-20
 * 2025, 甲村: p10 received after the period
 * </pre>
 */
@IntegrationTest
@WithUserDetails("gz_admin")
class PetitionFiguresTests {

	static final String TOWNSHIP = "513324998";

	static final String VILLAGE_A = "513324998001";

	static final String VILLAGE_B = "513324998002";

	static final String SEED_TOWNSHIP = "513324997";

	static final LocalDate FROM = LocalDate.of(2024, 1, 1);

	static final LocalDate TO = LocalDate.of(2024, 12, 31);

	/** A limit passed or still ahead on the day the test runs, for the overdue figure. */
	static final LocalDate PAST = PetitionFixtures.today().minusDays(1);

	static final LocalDate FUTURE = PetitionFixtures.today().plusDays(30);

	@Autowired
	PetitionFigures figures;

	@Autowired
	PetitionService petitions;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void handCountedData() {
		region(TOWNSHIP, "统计测试乡", "TOWNSHIP", "513324");
		region(VILLAGE_A, "甲村", "VILLAGE", TOWNSHIP);
		region(VILLAGE_B, "乙村", "VILLAGE", TOWNSHIP);
		if (jdbc.queryForObject("select count(*) from petition where region_code like ?", Long.class, TOWNSHIP + "%") > 0) {
			return;
		}
		petition(1).in(VILLAGE_A).receivedOn("2024-01-10").inState("RATED").withOutcome("SOLVED").ratedAs("SATISFIED")
			.pushed().accepted().closedOn("2024-01-20").insert(jdbc);
		petition(2).in(VILLAGE_A).receivedOn("2024-02-01").inState("CLOSED").withOutcome("POLICY").pushed().accepted()
			.closedOn("2024-02-06").insert(jdbc);
		petition(3).in(VILLAGE_A).receivedOn("2024-03-01").inState("CLOSED").withOutcome("UNRESOLVABLE").pushed()
			.accepted().closedOn("2024-03-21").insert(jdbc);
		petition(4).in(VILLAGE_A).receivedOn("2024-04-01").inState("IN_PROGRESS").ratedAs("DISSATISFIED").pushed()
			.accepted().closedOn("2024-04-10").reopened(1).closeDueOn(PAST).insert(jdbc);
		petition(5).in(VILLAGE_A).receivedOn("2024-05-01").inState("PUSHED").pushed().acceptDueOn(PAST)
			.closeDueOn(FUTURE).insert(jdbc);
		petition(6).in(VILLAGE_B).receivedOn("2024-06-01").inState("REGISTERED").acceptDueOn(FUTURE)
			.closeDueOn(FUTURE).insert(jdbc);
		petition(7).in(VILLAGE_B).receivedOn("2024-03-04").inState("ARCHIVED").withOutcome("SOLVED")
			.ratedAs("BASICALLY_SATISFIED").pushed().accepted().closedOn("2024-03-10").backlogMarkedOn("2024-03-01")
			.insert(jdbc);
		petition(8).in(VILLAGE_B).receivedOn("2024-07-01").inState("RATED").withOutcome("SOLVED").ratedAs("SATISFIED")
			.pushed().accepted().closedOn("2024-07-31").reopened(1).insert(jdbc);
		petition(9).in(VILLAGE_B).receivedOn("2023-12-31").inState("RATED").withOutcome("SOLVED").ratedAs("SATISFIED")
			.pushed().accepted().closedOn("2024-02-20").backlogMarkedOn("2024-02-01").insert(jdbc);
		petition(10).in(VILLAGE_A).receivedOn("2025-01-01").inState("REGISTERED").acceptDueOn(PAST).closeDueOn(PAST)
			.insert(jdbc);
		petition(11).in(VILLAGE_B).receivedOn("2024-08-01").inState("ACCEPTED").pushed().accepted()
			.acceptDueOn(FUTURE).closeDueOn(FUTURE).backlogMarkedOn("2024-06-01").insert(jdbc);
	}

	@Test
	void theTownshipsFiguresAreTheHandCountedOnes() {
		var total = figures.figures(TOWNSHIP, FROM, TO);
		assertThat(total).isEqualTo(new PetitionCounts(9, 8, 7, 4, 1, 1, 4, 2, 5, 71, 4, 3, 6, 2, 3, 2));
		assertThat(total.resolved() + total.unresolvable() + total.open()).isEqualTo(total.collected());
		assertThat(total.averageDaysToClose()).isEqualTo(14.2);
		assertThat(total.satisfactionPercent()).isEqualTo(75.0);
		assertThat(total.reopenPercent()).isEqualTo(33.3);
		assertThat(total.resolvedPercent()).isEqualTo(44.4);
	}

	@Test
	void eachVillageAndEachMonthAddsUpToTheTotal() {
		var villages = figures.byChildRegion(TOWNSHIP, FROM, TO);
		assertThat(villages).extracting(PetitionCounts.Row::key).containsExactly(VILLAGE_A, VILLAGE_B);
		assertThat(villages.get(0).figures()).isEqualTo(new PetitionCounts(5, 5, 4, 2, 1, 1, 2, 2, 3, 35, 2, 1, 4, 1, 0, 0));
		assertThat(villages.get(1).figures()).isEqualTo(new PetitionCounts(4, 3, 3, 2, 0, 0, 2, 0, 2, 36, 2, 2, 2, 1, 3, 2));
		for (var region : villages) {
			var f = region.figures();
			assertThat(f.resolved() + f.unresolvable() + f.open()).as(region.name()).isEqualTo(f.collected());
		}

		var months = figures.byMonth(TOWNSHIP, FROM, TO);
		assertThat(months).hasSize(12);
		assertThat(months.stream().mapToLong(m -> m.figures().collected()).sum()).isEqualTo(9);
		assertThat(months.stream().mapToLong(m -> m.figures().resolved()).sum()).isEqualTo(4);
		assertThat(months.stream().mapToLong(m -> m.figures().backlogOpened()).sum()).isEqualTo(3);
		assertThat(months.stream().mapToLong(m -> m.figures().backlogClosed()).sum()).isEqualTo(2);
		// March: p3 and p7 received; p7 marked as backlog and resolved.
		assertThat(months.get(2).figures()).isEqualTo(new PetitionCounts(2, 2, 2, 1, 0, 1, 0, 0, 2, 26, 1, 1, 2, 0, 1, 1));
	}

	/** Every figure links to the ledger, which lists exactly as many petitions. */
	@Test
	void theLedgerBehindEachFigureListsExactlyItsPetitions() {
		var total = figures.figures(TOWNSHIP, FROM, TO);
		long[] expected = { total.collected(), total.pushed(), total.accepted(), total.resolved(), total.policy(),
				total.unresolvable(), total.open(), total.overdue(), total.closed(), total.rated(), total.satisfied(),
				total.reopened(), total.backlogOpened(), total.backlogClosed() };
		var mismatches = new ArrayList<String>();
		for (var figure : LedgerFigure.values()) {
			long listed = petitions.search(PetitionQuery.all().inRegion(TOWNSHIP).receivedBetween(FROM, TO).countedIn(figure),
					Pageable.unpaged()).getTotalElements();
			if (listed != expected[figure.ordinal()]) {
				mismatches.add(figure + ": figure " + expected[figure.ordinal()] + ", ledger " + listed);
			}
		}
		assertThat(mismatches).isEmpty();
		assertThat(petitions.search(PetitionQuery.all().inRegion(TOWNSHIP).inMonth("2024-03"), Pageable.unpaged())
			.getTotalElements()).isEqualTo(2);
	}

	/** All of the township's petitions are of the first category; one backlog case (p11) is still open. */
	@Test
	void byCategoryAndOpenBacklogCasesAreTheHandCountedOnes() {
		var first = jdbc.queryForObject("select name from petition_category order by id limit 1", String.class);
		assertThat(figures.byCategory(TOWNSHIP, FROM, TO))
			.containsExactly(new PetitionFigures.CategoryCount(first, 9, 4, 4));
		assertThat(figures.byCategory(TOWNSHIP, LocalDate.of(2030, 1, 1), LocalDate.of(2030, 12, 31))).isEmpty();
		assertThat(figures.openBacklogCases(TOWNSHIP)).isEqualTo(1);
		assertThat(figures.openBacklogCases(VILLAGE_A)).isZero();
	}

	/**
	 * A prefecture sums the tallies for whole months and counts the days around them: the same
	 * figures as counting every row, for aligned and unaligned periods, in total, by county and by
	 * month; and the tally table equals a count of the rows, also after petitions change.
	 */
	@Test
	void talliesGiveThePrefectureTheSameFiguresAsTheRows() {
		assertTallyMatchesRows();
		region("513324996", "计数乡", "TOWNSHIP", "513324");
		region("513324996001", "计数村", "VILLAGE", "513324996");
		jdbc.update("delete from petition where number like '513324-1980-0009%'");
		petition(901).in("513324996001").receivedOn("2024-02-10").inState("PUSHED").pushed().acceptDueOn(PAST)
			.closeDueOn(FUTURE).insert(jdbc);
		petition(902).in("513324996001").receivedOn("2024-05-31").inState("IN_PROGRESS").pushed().accepted()
			.closeDueOn(PAST).insert(jdbc);
		petition(903).in("513324996001").receivedOn("2024-06-01").inState("CLOSED").withOutcome("SOLVED").pushed()
			.accepted().closedOn("2024-06-09").insert(jdbc);
		jdbc.update("""
				update petition set state = 'RATED', outcome = 'POLICY', rating = 'BASICALLY_SATISFIED', closed_on = '2024-06-20'
				where number = '513324-1980-000902'""");
		jdbc.update("update petition set region_code = '513301001001' where number = '513324-1980-000901'");
		jdbc.update("delete from petition where number = '513324-1980-000903'");
		assertTallyMatchesRows();
		var periods = List.of(List.of(FROM, TO), List.of(LocalDate.of(2024, 1, 10), LocalDate.of(2024, 7, 15)),
				List.of(LocalDate.of(2023, 12, 15), LocalDate.of(2024, 3, 31)), List.of(LocalDate.of(2024, 3, 2), LocalDate.of(2024, 3, 20)));
		for (var period : periods) {
			for (var grouping : List.of(PetitionFigures.Grouping.TOTAL, PetitionFigures.Grouping.MONTH,
					PetitionFigures.Grouping.child(6))) {
				var tallied = figures.count("5133", period.get(0), period.get(1), grouping, true);
				var counted = figures.count("5133", period.get(0), period.get(1), grouping, false);
				assertThat(tallied).as(period + " " + grouping.rows()).isEqualTo(counted);
			}
		}
		assertThat(figures.count("5133", FROM, TO, PetitionFigures.Grouping.TOTAL, true).get("").collected())
			.isGreaterThanOrEqualTo(9 + 2);
		jdbc.update("delete from petition where number like '513324-1980-0009%'");
		assertTallyMatchesRows();
	}

	private void assertTallyMatchesRows() {
		var tallied = jdbc.queryForList("""
				select county_code, received_month, pushed, accepted, outcome, rating, ever_closed, reopened, petitions, days_to_close
				from petition_tally where petitions <> 0""").stream().map(row -> List.copyOf(row.values()).toString()).toList();
		var counted = jdbc.queryForList("""
				select left(region_code, 6) as c, date_trunc('month', received_on)::date as m, first_pushed_on is not null as p,
				       first_accepted_on is not null as a, coalesce(outcome, '') as o, coalesce(rating, '') as r,
				       closed_on is not null as e, reopen_count > 0 as x, count(*) as n,
				       coalesce(sum(closed_on - received_on) filter (where outcome is not null), 0) as d
				from petition group by 1, 2, 3, 4, 5, 6, 7, 8""").stream().map(row -> List.copyOf(row.values()).toString()).toList();
		assertThat(tallied).containsExactlyInAnyOrderElementsOf(counted);
	}

	/**
	 * Seed 000's figures fall out of the data: 27,226 collected, 26,268 resolved (解决) of which
	 * 1,495 answered with policy, 958 unresolvable or still open, 233 backlog cases resolved.
	 */
	@Test
	void seedZerosFiguresFallOutOfALedgerWithThoseFigures() {
		region(SEED_TOWNSHIP, "种子乡", "TOWNSHIP", "513324");
		region(SEED_TOWNSHIP + "001", "种子村", "VILLAGE", SEED_TOWNSHIP);
		jdbc.update("delete from petition where region_code like ?", SEED_TOWNSHIP + "%");
		jdbc.update("""
				insert into petition (number, submission_token, source, petitioner_name, region_code, category_id, title,
				    urgency, received_on, state, outcome, accept_due_on, close_due_on, first_pushed_on, first_accepted_on,
				    closed_on, backlog, backlog_marked_on, registered_by)
				select '513324-2023-' || lpad(i::text, 6, '0'), gen_random_uuid(), 'HOME_VISIT', '群众', ?,
				       (select min(id) from petition_category), '困难诉求', 'NORMAL', received, state, outcome,
				       received + 3, received + 15, received, received + 1, closed, i <= 233, case when i <= 233 then received end,
				       'seed'
				from (select i, date '2023-01-01' + (i % 365) as received,
				             case when i <= 24773 then 'ARCHIVED' when i <= 26268 then 'RATED'
				                  when i <= 26568 then 'CLOSED' else 'IN_PROGRESS' end as state,
				             case when i <= 24773 then 'SOLVED' when i <= 26268 then 'POLICY'
				                  when i <= 26568 then 'UNRESOLVABLE' end as outcome,
				             case when i <= 26568 then date '2023-01-01' + (i % 365) + 7 end as closed
				      from generate_series(1, 27226) i) seed""", SEED_TOWNSHIP + "001");
		jdbc.update("update petition set rating = 'SATISFIED' where region_code like ? and state in ('ARCHIVED', 'RATED')",
				SEED_TOWNSHIP + "%");

		var seed = figures.figures(SEED_TOWNSHIP, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31));
		assertThat(seed.collected()).isEqualTo(27_226);
		assertThat(seed.resolved()).isEqualTo(26_268);
		assertThat(seed.policy()).isEqualTo(1_495);
		assertThat(seed.unresolvable() + seed.open()).isEqualTo(958);
		assertThat(seed.resolved() + seed.unresolvable() + seed.open()).isEqualTo(seed.collected());
		assertThat(seed.backlogClosed()).isEqualTo(233);
		assertThat(seed.resolvedPercent()).isEqualTo(96.5);
	}

	/**
	 * The state sets and "overdue" are named once in Java (PetitionState, Outcome, Rating,
	 * Petition.isOverdue) and once in SQL (R__petition.sql): both give the same answer for every
	 * state, outcome and rating, and for overdue on either side of both limits; the ledger's
	 * overdue filter agrees, and the partial index of open petitions holds exactly the open states.
	 */
	@Test
	void theStateSetsAndOverdueAreTheSameInJavaAndSql() {
		for (var state : PetitionState.values()) {
			assertThat(sql("select petition_open(?)", state.name())).as(state.name()).isEqualTo(state.isOpen());
			assertThat(sql("select petition_awaiting_acceptance(?)", state.name())).as(state.name())
				.isEqualTo(PetitionState.AWAITING_ACCEPTANCE.contains(state));
		}
		for (var outcome : Outcome.values()) {
			assertThat(sql("select petition_resolved(?)", outcome.name())).as(outcome.name()).isEqualTo(outcome.isResolved());
		}
		for (var rating : Rating.values()) {
			assertThat(sql("select petition_satisfied(?)", rating.name())).as(rating.name()).isEqualTo(rating.isSatisfied());
		}
		var openDue = jdbc.queryForObject(
				"select pg_get_expr(indpred, indrelid) from pg_index where indexrelid = 'petition_open_due'::regclass",
				String.class);
		for (var state : PetitionState.values()) {
			assertThat(sql("select " + openDue + " from (select cast(? as varchar(12)) as state) petition", state.name()))
				.as("petition_open_due holds " + state).isEqualTo(state.isOpen());
		}

		var today = PetitionFixtures.today();
		var days = List.of(today.minusDays(1), today, today.plusDays(1));
		for (var state : PetitionState.values()) {
			long id = PetitionFixtures.petition(jdbc, state.name(), "SOLVED");
			for (var acceptDue : days) {
				for (var closeDue : days) {
					jdbc.update("update petition set accept_due_on = ?, close_due_on = ? where id = ?", acceptDue, closeDue, id);
					var petition = petitions.get(id);
					var ledger = petitions.search(new PetitionQuery(petition.getNumber(), null, null, null, null, null, null,
							null, null, true, null, null, null), Pageable.unpaged());
					var overdue = jdbc.queryForObject(
							"select petition_overdue(state, accept_due_on, close_due_on, ?) from petition where id = ?",
							Boolean.class, today, id);
					var what = state + " accept due " + acceptDue + ", close due " + closeDue;
					assertThat(overdue).as(what).isEqualTo(petition.isOverdue(today));
					assertThat(ledger.getTotalElements()).as(what).isEqualTo(overdue ? 1 : 0);
				}
			}
			jdbc.update("delete from petition where id = ?", id);
		}
	}

	private Boolean sql(String query, String value) {
		return jdbc.queryForObject(query, Boolean.class, value);
	}

	private void region(String code, String name, String level, String parent) {
		jdbc.update("insert into region (code, name, level, parent_code) values (?, ?, ?, ?) on conflict do nothing", code,
				name, level, parent);
	}

	private static PetitionRows petition(int number) {
		return PetitionRows.aPetitionRow("513324-1980-" + String.format("%06d", number)).titled("统计测试");
	}

}
