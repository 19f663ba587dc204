package org.pomegranate.supervision.task;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.ChinaTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes the instances of task lists: one per recipient per period, from a list's first period up
 * to the period after today's (generated ahead, so a recipient sees next month's task before it
 * opens). Each period is one {@code insert … on conflict do nothing} on the unique key (list,
 * recipient, period), with the 下达 line of each new instance's timeline in the same statement: run
 * twice, or on two app nodes at once, it makes each instance once (the second insert waits on the
 * first's key and then skips it).
 */
@Component
public class TaskGeneration {

	private static final Logger log = LoggerFactory.getLogger(TaskGeneration.class);

	private static final String GENERATE = """
			with made as (
			    insert into task_instance (list_id, recipient_key, region_code, issuer_region_code, unit_id, recipient_name,
			                               period, opens_at, due_on)
			    select l.id, r.recipient_key, r.region_code, l.issuer_region_code, r.unit_id, r.name, ?,
			           greatest(?::timestamptz, l.issued_at), ?
			    from task_list l join task_recipient r on r.list_id = l.id
			    where l.id = ?
			    on conflict (list_id, recipient_key, period) do nothing
			    returning id, region_code, list_id, opens_at)
			insert into task_event (instance_id, region_code, action, to_state, actor_username, actor_name, occurred_at)
			select made.id, made.region_code, 'ISSUE', 'PENDING', l.issued_by, l.issued_by_name, made.opens_at
			from made join task_list l on l.id = made.list_id""";

	private final JdbcTemplate jdbc;

	private final Clock clock;

	TaskGeneration(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Every night: the next period's instances of every list still running. */
	@Scheduled(cron = "0 20 0 * * *", zone = "Asia/Shanghai")
	void daily() {
		int made = generateAll(ChinaTime.today(clock));
		if (made > 0) {
			log.info("{} task instances generated ahead", made);
		}
	}

	/** The instances of every list whose recurrence has not ended before {@code today}; how many were new. */
	@Transactional
	public int generateAll(LocalDate today) {
		var lists = jdbc.queryForList("select id from task_list where until_on is null or until_on >= ? order by id",
				Long.class, today.minusYears(1));
		int made = 0;
		for (long list : lists) {
			made += generate(list, today);
		}
		return made;
	}

	/** The instances of one list up to the period after {@code today}'s; how many were new. */
	@Transactional
	public int generate(long listId, LocalDate today) {
		var schedule = schedule(listId);
		if (schedule == null) {
			return 0;
		}
		int made = 0;
		for (var period : schedule.periods(schedule.nextPeriodStart(today))) {
			// A recurrence's period opens on its first day; a list issued once opens when it is issued.
			var opens = schedule.recurrence() == Recurrence.ONCE ? null
					: Timestamp.from(period.startsOn().atStartOfDay(ChinaTime.ZONE).toInstant());
			made += jdbc.update(GENERATE, period.key(), opens, period.dueOn(), listId);
		}
		return made;
	}

	private @Nullable Schedule schedule(long listId) {
		var schedules = jdbc.query("select recurrence, due_day, first_due_on, until_on from task_list where id = ?",
				(row, n) -> new Schedule(Recurrence.valueOf(row.getString("recurrence")),
						(Integer) row.getObject("due_day"), row.getObject("first_due_on", LocalDate.class),
						row.getObject("until_on", LocalDate.class)),
				listId);
		return schedules.isEmpty() ? null : schedules.get(0);
	}

}
