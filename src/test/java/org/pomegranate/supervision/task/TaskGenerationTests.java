package org.pomegranate.supervision.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generation against the real database: one instance per recipient per period up to the next
 * period, each with its 下达 line; run twice it makes nothing more; two nodes running it at the
 * same moment (two transactions on two connections) make each instance once between them.
 */
@IntegrationTest
class TaskGenerationTests {

	static final LocalDate TODAY = LocalDate.of(2025, 4, 15);

	@Autowired
	TaskGeneration generation;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transaction;

	@AfterEach
	void clear() {
		TaskFixtures.clear(jdbc);
	}

	private long instances(long list) {
		return jdbc.queryForObject("select count(*) from task_instance where list_id = ?", Long.class, list);
	}

	@Test
	void eachRecipientGetsOneInstancePerPeriodUpToTheNextAndRunningTwiceMakesNoMore() {
		long list = TaskFixtures.list(jdbc, "MONTHLY", 31, "2025-01-01", TaskFixtures.VILLAGES.subList(0, 3));
		assertThat(generation.generate(list, TODAY)).as("January to May, three villages").isEqualTo(15);
		assertThat(generation.generate(list, TODAY)).as("again").isZero();
		assertThat(instances(list)).isEqualTo(15);
		assertThat(jdbc.queryForObject("select count(*) from task_event where action = 'ISSUE' and instance_id in "
				+ "(select id from task_instance where list_id = ?)", Long.class, list)).isEqualTo(15);
		assertThat(jdbc.queryForList("select distinct due_on::text from task_instance where list_id = ? order by 1", String.class,
				list)).containsExactly("2025-01-31", "2025-02-28", "2025-03-31", "2025-04-30", "2025-05-31");
		assertThat(generation.generate(list, LocalDate.of(2025, 5, 1))).as("June the next day of May").isEqualTo(3);
	}

	@Test
	void theDailyRunGeneratesEveryListAhead() {
		long monthly = TaskFixtures.list(jdbc, "MONTHLY", 25, "2025-03-01", TaskFixtures.VILLAGES.subList(0, 2));
		long yearly = TaskFixtures.list(jdbc, "YEARLY", 29, "2024-02-29", TaskFixtures.VILLAGES.subList(0, 1));
		generation.generateAll(TODAY);
		assertThat(instances(monthly)).as("March to May").isEqualTo(6);
		assertThat(jdbc.queryForList("select due_on::text from task_instance where list_id = ? order by 1", String.class, yearly))
			.containsExactly("2024-02-29", "2025-02-28", "2026-02-28");
		assertThat(generation.generateAll(TODAY)).as("the same day again, whatever else exists").isZero();
	}

	@Test
	void twoNodesGeneratingAtOnceMakeEachInstanceOnce() throws Exception {
		long list = TaskFixtures.list(jdbc, "MONTHLY", 10, "2025-01-01", TaskFixtures.VILLAGES);
		var barrier = new CyclicBarrier(2);
		var pool = Executors.newFixedThreadPool(2);
		try {
			var runs = new ArrayList<Future<Integer>>();
			for (int node = 0; node < 2; node++) {
				runs.add(pool.submit(() -> transaction.execute(status -> {
					try {
						barrier.await(10, TimeUnit.SECONDS);
						int made = generation.generate(list, TODAY);
						// Hold the transaction open, so the other node's insert meets these rows uncommitted.
						Thread.sleep(300);
						return made;
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
				})));
			}
			var made = new ArrayList<Integer>();
			for (var run : runs) {
				made.add(run.get(30, TimeUnit.SECONDS));
			}
			assertThat(made.stream().mapToInt(Integer::intValue).sum()).as("made by both: " + made).isEqualTo(20);
			assertThat(made).contains(20);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(instances(list)).isEqualTo(20);
		assertThat(jdbc.queryForObject("select count(*) from (select recipient_key, period from task_instance where list_id = ? "
				+ "group by 1, 2 having count(*) > 1) d", Long.class, list)).isZero();
	}

}
