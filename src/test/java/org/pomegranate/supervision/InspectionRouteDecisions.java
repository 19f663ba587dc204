package org.pomegranate.supervision;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.pomegranate.account.Role;
import org.pomegranate.web.RouteDecisions;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who may use the inspection, rectification and notice routes, for {@code AuthorizationMatrixTests}:
 * record keepers read; supervisors and admins run inspections and verify; staff and admins report
 * rectifications; admins draft and move notices. Reviewers: nothing.
 */
public class InspectionRouteDecisions implements RouteDecisions {

	private static final Set<Role> RECORD_KEEPERS = EnumSet.of(Role.ADMIN, Role.SUPERVISOR, Role.STAFF);

	private static final Set<Role> INSPECTORS = EnumSet.of(Role.ADMIN, Role.SUPERVISOR);

	private static final Set<Role> REPORTERS = EnumSet.of(Role.ADMIN, Role.STAFF);

	private static final Set<Role> ADMINS = EnumSet.of(Role.ADMIN);

	@Override
	public Map<String, @Nullable Set<Role>> matrix() {
		var matrix = new LinkedHashMap<String, @Nullable Set<Role>>();
		matrix.put("GET /inspections", RECORD_KEEPERS);
		matrix.put("GET /inspections/new", INSPECTORS);
		matrix.put("POST /inspections", INSPECTORS);
		matrix.put("GET /inspections/{id}", RECORD_KEEPERS);
		matrix.put("POST /inspections/{id}/findings", INSPECTORS);
		matrix.put("GET /inspections/{id}/edit", INSPECTORS);
		matrix.put("POST /inspections/{id}", INSPECTORS);
		matrix.put("GET /inspections/unit-options", INSPECTORS);
		matrix.put("GET /inspections/figures", RECORD_KEEPERS);
		matrix.put("GET /rectifications", RECORD_KEEPERS);
		matrix.put("GET /rectifications/export", RECORD_KEEPERS);
		matrix.put("GET /rectifications/inbox", RECORD_KEEPERS);
		matrix.put("GET /rectifications/{id}", RECORD_KEEPERS);
		matrix.put("POST /rectifications/{id}/report", REPORTERS);
		matrix.put("POST /rectifications/{id}/pass", INSPECTORS);
		matrix.put("POST /rectifications/{id}/fail", INSPECTORS);
		matrix.put("GET /notices", RECORD_KEEPERS);
		matrix.put("GET /notices/new", ADMINS);
		matrix.put("POST /notices", ADMINS);
		matrix.put("GET /notices/{id}", RECORD_KEEPERS);
		matrix.put("GET /notices/{id}/edit", ADMINS);
		matrix.put("POST /notices/{id}", ADMINS);
		matrix.put("POST /notices/{id}/approve", ADMINS);
		matrix.put("POST /notices/{id}/publish", ADMINS);
		matrix.put("POST /notices/{id}/retract", ADMINS);
		return matrix;
	}

	/** A stale version on every step, so that a permitted call changes nothing. */
	@Override
	public Map<String, Map<String, String>> parameters() {
		var stale = Map.of("version", "-1");
		var parameters = new LinkedHashMap<String, Map<String, String>>();
		for (var step : new String[] { "report", "pass", "fail" }) {
			parameters.put("POST /rectifications/{id}/" + step, stale);
		}
		for (var step : new String[] { "approve", "publish", "retract" }) {
			parameters.put("POST /notices/{id}/" + step, stale);
		}
		parameters.put("POST /notices/{id}", stale);
		parameters.put("POST /inspections/{id}", stale);
		return parameters;
	}

	/**
	 * An inspection of {@code county} at its first township with a finding and its rectification,
	 * and a draft notice of the county, made once.
	 */
	@Override
	public Map<String, String> records(String county, JdbcTemplate jdbc) {
		var township = jdbc.queryForObject("select min(code) from region where parent_code = ?", String.class, county);
		var title = "授权测试督查 " + county;
		if (jdbc.queryForObject("select count(*) from inspection where title = ?", Long.class, title) == 0) {
			long inspection = jdbc.queryForObject("""
					insert into inspection (submission_token, region_code, kind, title, starts_on, ends_on, created_by)
					values (gen_random_uuid(), ?, 'SPECIAL', ?, current_date, current_date, 'test') returning id""",
					Long.class, county, title);
			jdbc.update("insert into inspection_target (inspection_id, region_code, name) values (?, ?, '授权测试乡')",
					inspection, township);
			long finding = jdbc.queryForObject("""
					insert into finding (inspection_id, region_code, responsible_name, description, severity, found_on, created_by)
					values (?, ?, '授权测试乡', '授权测试问题', 'MINOR', current_date, 'test') returning id""", Long.class,
					inspection, township);
			long rectification = jdbc.queryForObject("""
					insert into rectification (source, finding_id, region_code, region_above, responsible_name,
					                           issuing_region_code, subject, severity, opened_on, due_on, state)
					values ('FINDING', ?, ?, ?, '授权测试乡', ?, '授权测试问题', 'MINOR', current_date, current_date + 30, 'OPEN')
					returning id""", Long.class, finding, township, county, county);
			jdbc.update("""
					insert into rectification_step (rectification_id, region_code, action, to_state, actor_username, actor_name)
					values (?, ?, 'OPEN', 'OPEN', 'test', '授权测试')""", rectification, township);
			long notice = jdbc.queryForObject("""
					insert into notice (submission_token, region_code, kind, number, issued_on, title, body, rectify_by, state,
					                    drafted_by, drafted_by_name)
					values (gen_random_uuid(), ?, 'CRITICISM', '授权测试〔1999〕1号', current_date, ?, '授权测试正文',
					        current_date + 30, 'DRAFT', 'test', '授权测试') returning id""", Long.class, county, title);
			jdbc.update("insert into notice_target (notice_id, position, region_code, name) values (?, 0, ?, '授权测试乡')",
					notice, township);
		}
		var records = new LinkedHashMap<String, String>();
		records.put("inspection", String.valueOf(jdbc.queryForObject("select id from inspection where title = ?", Long.class, title)));
		records.put("rectification", String.valueOf(jdbc.queryForObject("""
				select r.id from rectification r join finding f on f.id = r.finding_id join inspection i on i.id = f.inspection_id
				where i.title = ?""", Long.class, title)));
		records.put("notice", String.valueOf(jdbc.queryForObject("select id from notice where title = ?", Long.class, title)));
		return records;
	}

}
