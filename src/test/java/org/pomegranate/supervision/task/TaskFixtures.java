package org.pomegranate.supervision.task;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.pomegranate.supervision.task.TaskForms.IssueForm;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The task tests' own corner: 榆林街道 (513301002) issues to four of its villages, which no demo
 * task reaches, with an admin and a supervisor of the township and a staff member per village.
 * Every list the tests make is titled {@link #TITLE}… and removed by {@link #clear}.
 */
final class TaskFixtures {

	static final String TOWNSHIP = "513301002";

	static final List<String> VILLAGES = List.of("513301002001", "513301002002", "513301002003", "513301002004");

	static final String ADMIN = "tk_yl_admin";

	static final String SUPERVISOR = "tk_yl_supervisor";

	static final String STAFF_1 = "tk_v1_staff";

	static final String STAFF_2 = "tk_v2_staff";

	static final String TITLE = "任务测试";

	private TaskFixtures() {
	}

	static void users(JdbcTemplate jdbc) {
		user(jdbc, ADMIN, "ADMIN", TOWNSHIP, "榆林街道管理员");
		user(jdbc, SUPERVISOR, "SUPERVISOR", TOWNSHIP, "榆林街道督导");
		user(jdbc, STAFF_1, "STAFF", VILLAGES.get(0), "公主桥社区填报员");
		user(jdbc, STAFF_2, "STAFF", VILLAGES.get(1), "驷马桥社区填报员");
	}

	private static void user(JdbcTemplate jdbc, String username, String role, String region, String name) {
		jdbc.update("""
				insert into user_account (username, display_name, password_hash, role, region_code)
				values (?, ?, '{noop}not-used', ?, ?) on conflict do nothing""", username, name, role, region);
	}

	/** An issue form of the township: {@code recipients} are {@code R:…} keys. */
	static IssueForm issueForm(String title, Recurrence recurrence, @Nullable String dueDay, String firstDueOn,
			@Nullable String untilOn, List<String> recipients) {
		return new IssueForm(UUID.randomUUID(), TITLE + title, "要求", "办公室", null, recurrence, dueDay, firstDueOn, untilOn,
				recipients);
	}

	/** A list of the township inserted as issued, with recipients, and no instances yet. */
	static long list(JdbcTemplate jdbc, String recurrence, @Nullable Integer dueDay, String firstDueOn, List<String> villages) {
		long id = jdbc.queryForObject("""
				insert into task_list (issuer_region_code, title, lead_office, recurrence, due_day, first_due_on, issued_by,
				                       issued_by_name, issued_at)
				values (?, ?, '办公室', ?, ?, ?::date, 'test', '测试', timestamptz '2025-01-01 00:00+08') returning id""", Long.class,
				TOWNSHIP, TITLE + UUID.randomUUID(), recurrence, dueDay, firstDueOn);
		for (var village : villages) {
			jdbc.update("insert into task_recipient (list_id, recipient_key, region_code, name) values (?, ?, ?, ?)", id,
					"R:" + village, village, "村" + village.substring(9));
		}
		return id;
	}

	static void clear(JdbcTemplate jdbc) {
		var lists = "(select id from task_list where title like '" + TITLE + "%')";
		jdbc.update("delete from stored_file where owner_kind = 'task-report' and owner_id in (select id from task_instance where list_id in "
				+ lists + ")");
		jdbc.update("delete from task_event where instance_id in (select id from task_instance where list_id in " + lists + ")");
		jdbc.update("delete from task_instance where list_id in " + lists);
		jdbc.update("delete from task_recipient where list_id in " + lists);
		jdbc.update("delete from task_list where title like '" + TITLE + "%'");
	}

	static void signIn(UserDetailsService users, String username) {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		var user = users.loadUserByUsername(username);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}

	static void signOut() {
		SecurityContextHolder.clearContext();
		LocaleContextHolder.resetLocaleContext();
	}

}
