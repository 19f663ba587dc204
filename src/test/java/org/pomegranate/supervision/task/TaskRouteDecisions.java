package org.pomegranate.supervision.task;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.pomegranate.account.Role;
import org.pomegranate.web.RouteDecisions;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who may use the plan and task routes, for {@code AuthorizationMatrixTests}: every record keeper
 * reads plans and instances; admins write plans; admins and supervisors (the issuer side) issue,
 * read lists and figures and decide reports and extensions; staff and admins (the recipient side)
 * keep the inbox, acknowledge, report and ask for extensions. Reviewers: nothing.
 */
public class TaskRouteDecisions implements RouteDecisions {

	private static final Set<Role> READERS = EnumSet.of(Role.ADMIN, Role.SUPERVISOR, Role.STAFF);

	private static final Set<Role> ISSUERS = EnumSet.of(Role.ADMIN, Role.SUPERVISOR);

	private static final Set<Role> RECIPIENTS = EnumSet.of(Role.ADMIN, Role.STAFF);

	@Override
	public Map<String, @Nullable Set<Role>> matrix() {
		var matrix = new LinkedHashMap<String, @Nullable Set<Role>>();
		matrix.put("GET /plans", READERS);
		matrix.put("GET /plans/{id}", READERS);
		matrix.put("GET /plans/new", EnumSet.of(Role.ADMIN));
		matrix.put("POST /plans", EnumSet.of(Role.ADMIN));
		matrix.put("GET /tasks/inbox", RECIPIENTS);
		matrix.put("GET /tasks/{id}", READERS);
		matrix.put("POST /tasks/{id}/acknowledge", RECIPIENTS);
		matrix.put("POST /tasks/{id}/report", RECIPIENTS);
		matrix.put("POST /tasks/{id}/extension", RECIPIENTS);
		matrix.put("POST /tasks/{id}/return", ISSUERS);
		matrix.put("POST /tasks/{id}/accept", ISSUERS);
		matrix.put("POST /tasks/{id}/extension/grant", ISSUERS);
		matrix.put("POST /tasks/{id}/extension/refuse", ISSUERS);
		matrix.put("GET /tasks/lists", ISSUERS);
		matrix.put("GET /tasks/lists/new", ISSUERS);
		matrix.put("POST /tasks/lists", ISSUERS);
		matrix.put("GET /tasks/lists/{list}", ISSUERS);
		matrix.put("GET /tasks/figures", ISSUERS);
		matrix.put("GET /tasks/instances", ISSUERS);
		return matrix;
	}

	/** A stale version: a step reaches the service, which refuses it, and changes nothing. */
	@Override
	public Map<String, Map<String, String>> parameters() {
		var parameters = new LinkedHashMap<String, Map<String, String>>();
		for (var step : new String[] { "acknowledge", "report", "extension", "return", "accept", "extension/grant",
				"extension/refuse" }) {
			parameters.put("POST /tasks/{id}/" + step, Map.of("version", "-1", "text", "授权测试", "reason", "授权测试",
					"dueOn", "2099-01-01"));
		}
		return parameters;
	}

	/** A plan of the county, a list it issued to one of its townships and that township's instance. */
	@Override
	public Map<String, String> records(String county, JdbcTemplate jdbc) {
		var township = county + (county.equals("513301") ? "001" : "100");
		jdbc.update("""
				insert into implementation_plan (region_code, year, title, lead_office, created_by)
				select ?, 2000, '授权测试方案', '授权测试', 'test'
				where not exists (select 1 from implementation_plan where region_code = ? and title = '授权测试方案')""", county, county);
		long plan = jdbc.queryForObject("select min(id) from implementation_plan where region_code = ? and title = '授权测试方案'",
				Long.class, county);
		jdbc.update("""
				insert into task_list (plan_id, issuer_region_code, title, lead_office, recurrence, first_due_on, issued_by,
				                       issued_by_name)
				select ?, ?, '授权测试任务', '授权测试', 'ONCE', date '2099-01-01', 'test', '授权测试'
				where not exists (select 1 from task_list where issuer_region_code = ? and title = '授权测试任务')""", plan, county,
				county);
		long list = jdbc.queryForObject("select min(id) from task_list where issuer_region_code = ? and title = '授权测试任务'",
				Long.class, county);
		jdbc.update("""
				insert into task_recipient (list_id, recipient_key, region_code, name)
				values (?, 'R:' || ?, ?, '授权测试乡镇') on conflict do nothing""", list, township, township);
		jdbc.update("""
				insert into task_instance (list_id, recipient_key, region_code, issuer_region_code, recipient_name, period,
				                           opens_at, due_on)
				values (?, 'R:' || ?, ?, ?, '授权测试乡镇', 'ONCE', now() - interval '1 day', date '2099-01-01')
				on conflict do nothing""", list, township, township, county);
		long task = jdbc.queryForObject("select id from task_instance where list_id = ?", Long.class, list);
		return Map.of("plan", String.valueOf(plan), "list", String.valueOf(list), "task", String.valueOf(task));
	}

}
