package org.pomegranate.petition;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Petitions made straight in the database in any state of the loop, in a village of 炉城街道
 * (where the demo staff can see them), and signing in as a demo user for a service call.
 */
final class PetitionFixtures {

	/** Test numbers use years no real petition has, so they never meet the counter's. */
	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private PetitionFixtures() {
	}

	static String village(JdbcTemplate jdbc) {
		return jdbc.queryForObject("select min(code) from region where parent_code = '513301001'", String.class);
	}

	/** A department of 康定市 for the tests to push to. */
	static long department(JdbcTemplate jdbc) {
		jdbc.update("insert into petition_department (name, region_code) values ('测试住建局', '513301') on conflict do nothing");
		return jdbc.queryForObject("select id from petition_department where name = '测试住建局'", Long.class);
	}

	/**
	 * A petition in {@code state}, handled by kd_staff from the push on; closed ones with
	 * {@code outcome} (unresolvable ones escalated to 甘孜州).
	 */
	static long petition(JdbcTemplate jdbc, String state, String outcome) {
		var village = village(jdbc);
		long department = department(jdbc);
		boolean pushed = !state.equals("REGISTERED");
		boolean handled = pushed && !state.equals("RETURNED");
		boolean accepted = handled && !state.equals("PUSHED");
		boolean closed = state.equals("CLOSED") || state.equals("RATED") || state.equals("ARCHIVED");
		var number = "513301-1990-" + String.format("%06d", SEQUENCE.incrementAndGet());
		return jdbc.queryForObject("""
				insert into petition (number, submission_token, source, petitioner_name, region_code, category_id, title,
				    urgency, received_on, state, outcome, rating, department_id, handler_username, handler_name, push_region,
				    escalated_to, accept_due_on, close_due_on, first_pushed_on, first_accepted_on, closed_on, registered_by)
				values (?, gen_random_uuid(), 'WALK_IN', '测试群众', ?, (select min(id) from petition_category), '测试诉求',
				        'NORMAL', current_date - 2, ?, ?, ?, ?, ?, ?, '513301', ?, current_date + 1, current_date + 13,
				        ?, ?, ?, 'kd_staff')
				returning id""", Long.class, number, village, state, closed ? outcome : null,
				state.equals("RATED") || state.equals("ARCHIVED") ? "SATISFIED" : null, handled ? department : null,
				handled ? "kd_staff" : null, handled ? "康定市填报员" : null,
				closed && outcome.equals("UNRESOLVABLE") ? "5133" : null, pushed ? Date.valueOf(today().minusDays(2)) : null,
				accepted ? Date.valueOf(today().minusDays(1)) : null, closed ? Date.valueOf(today()) : null);
	}

	static LocalDate today() {
		return LocalDate.now(ZoneId.of("Asia/Shanghai"));
	}

	static void signIn(UserDetailsService users, String username) {
		var user = users.loadUserByUsername(username);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}

	static void signOut() {
		SecurityContextHolder.clearContext();
	}

}
