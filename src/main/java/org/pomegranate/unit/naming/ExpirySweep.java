package org.pomegranate.unit.naming;

import java.time.Clock;
import java.time.LocalDate;

import org.pomegranate.shared.ChinaTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily sweep: a live title past its last day becomes 已到期, with its history row, and a
 * re-check it was waiting for is closed as 已到期. One statement does all three, locking the rows
 * it moves and skipping those another node is moving, so running it twice, or on several nodes at
 * once, moves each title once. Until it runs, every page reads such a title as expired anyway
 * ({@link Naming#stateOn}).
 */
@Component
public class ExpirySweep {

	private static final Logger log = LoggerFactory.getLogger(ExpirySweep.class);

	private static final String SWEEP = """
			with due as (
			    select id, state from naming
			    where state in ('VALID', 'UNDER_RECHECK', 'RECTIFYING') and valid_until < ?
			    for update skip locked),
			expired as (
			    update naming n set state = 'EXPIRED', version = n.version + 1, updated_at = now()
			    from due where n.id = due.id and n.state in ('VALID', 'UNDER_RECHECK', 'RECTIFYING')
			    returning n.id, due.state as from_state, n.valid_until),
			closed as (
			    update naming_recheck r set closed_on = expired.valid_until + 1, closed_as = 'EXPIRED', version = r.version + 1
			    from expired where r.naming_id = expired.id and expired.from_state = 'UNDER_RECHECK'
			        and r.result is null and r.closed_on is null)
			insert into naming_event (naming_id, action, from_state, to_state, on_date, note, actor)
			select id, 'EXPIRE', from_state, 'EXPIRED', valid_until + 1, '有效期满', 'system' from expired""";

	private final JdbcTemplate jdbc;

	private final Clock clock;

	ExpirySweep(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Scheduled(cron = "0 10 0 * * *", zone = "Asia/Shanghai")
	void daily() {
		int moved = sweep(ChinaTime.today(clock));
		if (moved > 0) {
			log.info("{} titles past their last day are now expired", moved);
		}
	}

	/** Moves every live title whose last day is before {@code today} to 已到期; returns how many. */
	@Transactional
	public int sweep(LocalDate today) {
		return jdbc.update(SWEEP, today);
	}

}
