package org.pomegranate.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pomegranate.activity.ActivityForms.activity;
import static org.pomegranate.activity.ledger.ActivityKind.EXCHANGE;
import static org.pomegranate.activity.ledger.ActivityKind.PUBLICITY;
import static org.pomegranate.activity.ledger.ActivityKind.QUIZ;
import static org.pomegranate.activity.ledger.ActivityKind.TRAINING;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.activity.ledger.Activity;
import org.pomegranate.activity.ledger.ActivityLedger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * {@code activity_day_tally} against the rows: a range of days that cuts two months (15 January to
 * 15 March 2025), counted by hand, read at the prefecture (February from {@code activity_tally}, the
 * days around it from the day tally) and at its counties (from the rows), after activities are
 * recorded, one is moved into the range by an edit of its days, and one is deleted; and the day tally itself
 * against a count of the rows.
 */
@IntegrationTest
class ActivityDayTallyTests {

	static final ActivityFixtures PLACES = new ActivityFixtures("5194");

	private static final LocalDate FROM = LocalDate.of(2025, 1, 15);

	private static final LocalDate TO = LocalDate.of(2025, 3, 15);

	@Autowired
	ActivityLedger ledger;

	@Autowired
	ActivityFigures figures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Test
	void theDaysAroundWholeMonthsFromTheDayTallyAreWhatTheRowsGiveAfterEveryChange() {
		PLACES.create(jdbc);
		var a = PLACES.county();
		var b = PLACES.otherCounty();
		record(activity(PUBLICITY, "十日宣讲", PLACES.township()).on(day(1, 10)).participants(10)); // before the range
		var twentieth = record(activity(PUBLICITY, "二十日宣讲", PLACES.township()).on(day(1, 20)).participants(20));
		record(activity(QUIZ, "二月竞答", PLACES.secondTownship()).on(day(2, 5)).participants(30));
		record(activity(EXCHANGE, "三月交流", PLACES.village()).on(day(3, 15)).until(day(3, 18)).destination("杭州")
			.participants(40));
		var late = record(activity(TRAINING, "乙县培训", PLACES.otherTownship()).on(day(3, 16)).participants(50)); // after it
		assertRange(Map.of(a, List.of(3L, 1L, 90L)));

		jdbc.update("update activity set started_on = ?, ended_on = ? where id = ?", day(3, 14), day(3, 14), late.getId());
		assertRange(Map.of(a, List.of(3L, 1L, 90L), b, List.of(1L, 0L, 50L)));

		jdbc.update("delete from activity where id = ?", twentieth.getId());
		assertRange(Map.of(a, List.of(2L, 0L, 70L), b, List.of(1L, 0L, 50L)));
		assertThat(tally()).as("activity_day_tally, row by row, as the activities count").isEqualTo(recount());
	}

	/** Sessions, publicity sessions and participants per county, counted by hand; the prefecture their sum. */
	private void assertRange(Map<String, List<Long>> byCounty) {
		var below = read(() -> figures.byRegionBelow(PLACES.prefecture(), FROM, TO));
		var sum = new long[3];
		for (var county : List.of(PLACES.county(), PLACES.otherCounty())) {
			var expected = byCounty.getOrDefault(county, List.of(0L, 0L, 0L));
			var rows = counts(read(() -> figures.of(county, FROM, TO)));
			assertThat(rows).as(county + " from the rows").isEqualTo(expected);
			assertThat(below.containsKey(county) ? counts(below.get(county)) : List.of(0L, 0L, 0L))
				.as(county + " in the prefecture's breakdown, from the tallies").isEqualTo(expected);
			for (int i = 0; i < 3; i++) {
				sum[i] += expected.get(i);
			}
		}
		assertThat(counts(read(() -> figures.of(PLACES.prefecture(), FROM, TO)))).as("the prefecture, from the tallies")
			.containsExactly(sum[0], sum[1], sum[2]);
		assertThat(tally()).as("activity_day_tally, row by row, as the activities count").isEqualTo(recount());
	}

	private List<Map<String, Object>> tally() {
		return jdbc.queryForList("""
				select started_on, county_code, kind, sessions, participants from activity_day_tally
				where county_code like ? and sessions <> 0 order by 1, 2, 3""", PLACES.prefecture() + "%");
	}

	private List<Map<String, Object>> recount() {
		return jdbc.queryForList("""
				select started_on, left(region_code, 6) as county_code, kind, count(*) as sessions, sum(participants) as participants
				from activity where region_code like ? group by 1, 2, 3 order by 1, 2, 3""", PLACES.prefecture() + "%");
	}

	private Activity record(ActivityForms form) {
		return ActivityFixtures.as(users, PLACES.admin(), () -> ledger.create(form.form(), List.of(), List.of()));
	}

	private <T> T read(Supplier<T> action) {
		return ActivityFixtures.as(users, PLACES.supervisor(), action);
	}

	private static List<Long> counts(ActivityCounts counts) {
		return List.of(counts.sessions(), counts.publicitySessions(), counts.participants());
	}

	private static LocalDate day(int month, int day) {
		return LocalDate.of(2025, month, day);
	}

}
