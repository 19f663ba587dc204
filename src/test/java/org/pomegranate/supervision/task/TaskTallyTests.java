package org.pomegranate.supervision.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.supervision.task.TaskFigures.TaskCounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * {@code task_tally} against the rows: the hand-counted instances of {@link TaskFiguresTests}, their
 * county counted from the rows and read from the tally (less the instances not open yet or opened
 * within 24 hours) in its prefecture's breakdown, the prefecture in the province's, after every
 * kind of change a task instance goes through — 签收, report, 验收, an extension granted, a deletion,
 * an instance opened an hour ago — and the tally itself against a count of the rows; likewise
 * {@code task_list_tally}, the list's line on the lists page against its recipients' lines, which
 * count the rows.
 */
@IntegrationTest
class TaskTallyTests {

	private static final String COUNTY = TaskFixtures.TOWNSHIP.substring(0, 6);

	private static final String PREFECTURE = TaskFixtures.TOWNSHIP.substring(0, 4);

	private static final LocalDate FROM = LocalDate.of(2025, 1, 1);

	private static final LocalDate TO = LocalDate.of(2025, 12, 31);

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TaskFigures figures;

	@Autowired
	TaskReading reading;

	@Autowired
	UserDetailsService users;

	private long list;

	@BeforeEach
	void data() {
		TaskFixtures.users(jdbc);
		list = TaskFixtures.list(jdbc, "MONTHLY", 25, "2025-03-01", TaskFixtures.VILLAGES);
		var v = TaskFixtures.VILLAGES;
		instance(v.get(0), "a", "2025-03-25", null, "ACCEPTED", "2025-03-20", "2025-03-01"); // due, accepted, on time
		instance(v.get(1), "b", "2025-03-25", null, "ACCEPTED", "2025-03-28", "2025-03-01"); // due, accepted, late
		instance(v.get(2), "c", "2025-03-25", null, "REPORTED", "2025-03-24", "2025-03-01"); // due
		instance(v.get(3), "d", "2025-03-25", null, "PENDING", null, "2025-03-01"); // due, not acknowledged, overdue
		instance(v.get(0), "e", "2025-04-25", "2099-01-01", "ACKNOWLEDGED", null, "2025-04-01"); // extended out of 2025
		instance(v.get(1), "f", "2025-04-25", null, "ACKNOWLEDGED", null, "2025-04-01"); // due, overdue
		instance(v.get(2), "g", "2025-04-25", null, "RETURNED", "2025-04-20", "2025-04-01"); // due, overdue
		instance(v.get(3), "h", "2025-04-25", "2025-05-10", "ACCEPTED", "2025-05-08", "2025-04-01"); // due, accepted, on time
		instance(v.get(0), "i", "2099-02-25", null, "PENDING", null, "2099-02-01"); // not yet open: nothing
	}

	private void instance(String village, String period, String due, @Nullable String granted, String state,
			@Nullable String reported, String opens) {
		jdbc.update("""
				insert into task_instance (list_id, recipient_key, region_code, issuer_region_code, recipient_name, period, opens_at,
				                           due_on, granted_due_on, state, reported_on, accepted_on)
				values (?, 'R:' || ?, ?, ?, ?, ?, (?::date + time '08:00') at time zone 'Asia/Shanghai', ?::date, ?::date, ?,
				        ?::date, case when ? = 'ACCEPTED' then ?::date + 1 end)""", list, village, village, TaskFixtures.TOWNSHIP,
				"村" + village.substring(9), period, opens, due, granted, state, reported, state, reported);
	}

	@AfterEach
	void clear() {
		TaskFixtures.clear(jdbc);
	}

	@Test
	void theTallyGivesThePrefectureAndTheProvinceWhatTheRowsGiveTheCountyAfterEveryChange() {
		assertCounts(7, 3, 2, 1, 3);
		var line = listLine();
		assertThat(List.of(line.instances(), line.accepted(), line.overdue(), line.unacknowledged()))
			.as("the list's line: a to h open, i not yet").containsExactly(8L, 3L, 3L, 1L);
		update("state = 'ACKNOWLEDGED', acknowledged_at = now()", "d");
		assertCounts(7, 3, 2, 0, 3);
		update("state = 'REPORTED', reported_on = date '2025-04-24'", "f");
		assertCounts(7, 3, 2, 0, 2);
		update("state = 'ACCEPTED', accepted_on = date '2025-04-26'", "f");
		assertCounts(7, 4, 3, 0, 2);
		update("granted_due_on = date '2099-01-10'", "g");
		assertCounts(6, 4, 3, 0, 1);
		jdbc.update("delete from task_instance where list_id = ? and period = 'a'", list);
		assertCounts(5, 3, 2, 0, 1);
		// Opened an hour ago, due already: overdue, but not yet 24 hours without 签收.
		jdbc.update("""
				insert into task_instance (list_id, recipient_key, region_code, issuer_region_code, recipient_name, period, opens_at,
				                           due_on, state)
				values (?, 'R:' || ?, ?, ?, '村x', 'j', now() - interval '1 hour', date '2025-06-25', 'PENDING')""", list,
				TaskFixtures.VILLAGES.get(1),
				TaskFixtures.VILLAGES.get(1), TaskFixtures.TOWNSHIP);
		assertCounts(6, 3, 2, 0, 2);
		// Due in 2025 but opening only tomorrow: no set counts it yet.
		jdbc.update("""
				insert into task_instance (list_id, recipient_key, region_code, issuer_region_code, recipient_name, period, opens_at,
				                           due_on, state)
				values (?, 'R:' || ?, ?, ?, '村y', 'k', now() + interval '1 day', date '2025-07-25', 'PENDING')""", list,
				TaskFixtures.VILLAGES.get(2),
				TaskFixtures.VILLAGES.get(2), TaskFixtures.TOWNSHIP);
		assertCounts(6, 3, 2, 0, 2);
		update("state = 'PENDING'", "e");
		assertCounts(6, 3, 2, 1, 2);
		assertThat(tallied()).as("task_tally against the rows").containsExactlyElementsOf(counted());
		assertThat(listTallied()).as("task_list_tally against the rows").containsExactlyElementsOf(listCounted());
	}

	private void update(String set, String period) {
		jdbc.update("update task_instance set " + set + " where list_id = ? and period = ?", list, period);
		assertThat(tallied()).as("task_tally against the rows after " + set).containsExactlyElementsOf(counted());
		assertThat(listTallied()).as("task_list_tally against the rows after " + set).containsExactlyElementsOf(listCounted());
	}

	/**
	 * The hand counts at the township, from the rows; its county from the rows (with whatever else
	 * the county holds) against that county in the prefecture's breakdown, from the tally; the
	 * prefecture's total against its row in the province's breakdown.
	 */
	private void assertCounts(long due, long accepted, long onTime, long notAcknowledged, long overdue) {
		assertThat(values(figures.of(TaskFixtures.TOWNSHIP, FROM, TO))).as("township, from the rows")
			.containsExactly(due, accepted, onTime, notAcknowledged, overdue);
		var county = values(figures.of(COUNTY, FROM, TO));
		assertThat(values(figures.byChildRegion(PREFECTURE, 6, FROM, TO).get(COUNTY))).as("the county, from the tally")
			.isEqualTo(county);
		var prefecture = values(figures.of(PREFECTURE, FROM, TO));
		assertThat(values(figures.byChildRegion("51", 4, FROM, TO).get(PREFECTURE))).as("the province's prefectures")
			.isEqualTo(prefecture);
		var page = listPage();
		assertThat(List.of(page.list().instances(), page.list().accepted(), page.list().overdue(), page.list().unacknowledged()))
			.as("the list's line from task_list_tally against its recipients' lines from the rows")
			.containsExactly(page.total().instances(), page.total().count(TaskState.ACCEPTED), page.total().overdue(),
					page.total().unacknowledged());
		var comparison = figures.of(PREFECTURE, FROM, TO, false);
		assertThat(comparison.counts().keySet()).as("a comparison period: the period's sets")
			.containsExactlyInAnyOrder(TaskFigure.DUE, TaskFigure.ACCEPTED, TaskFigure.ON_TIME);
		assertThat(comparison.of(TaskFigure.DUE)).isEqualTo(prefecture.get(0));
	}

	private TaskReading.ListPage listPage() {
		TaskFixtures.signIn(users, TaskFixtures.ADMIN);
		try {
			return reading.listPage(list, null);
		}
		finally {
			TaskFixtures.signOut();
		}
	}

	private TaskReading.ListRow listLine() {
		return listPage().list();
	}

	private static List<Long> values(@Nullable TaskCounts counts) {
		assertThat(counts).isNotNull();
		return TaskFigures.all().stream().map(counts::of).toList();
	}

	private List<String> tallied() {
		return jdbc.queryForList("""
				select county_code || ' ' || due_on || ' ' || state || ' ' || on_time || ' ' || instances from task_tally
				where instances <> 0 order by county_code, due_on, state, on_time""", String.class);
	}

	private List<String> listTallied() {
		return jdbc.queryForList("""
				select list_id || ' ' || due_on || ' ' || state || ' ' || instances from task_list_tally
				where instances <> 0 order by list_id, due_on, state""", String.class);
	}

	private List<String> listCounted() {
		return jdbc.queryForList("""
				select list_id || ' ' || coalesce(granted_due_on, due_on) || ' ' || state || ' ' || count(*) from task_instance
				group by list_id, coalesce(granted_due_on, due_on), state order by list_id, coalesce(granted_due_on, due_on), state""",
				String.class);
	}

	private List<String> counted() {
		return jdbc.queryForList("""
				select county_code || ' ' || due_on || ' ' || state || ' ' || on_time || ' ' || count(*)
				from (select left(region_code, 6) as county_code, coalesce(granted_due_on, due_on) as due_on, state,
				             coalesce(reported_on <= coalesce(granted_due_on, due_on), false) as on_time
				      from task_instance) i
				group by county_code, due_on, state, on_time order by county_code, due_on, state, on_time""", String.class);
	}

}
