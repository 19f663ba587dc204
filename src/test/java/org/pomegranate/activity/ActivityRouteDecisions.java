package org.pomegranate.activity;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.pomegranate.account.Role;
import org.pomegranate.web.RouteDecisions;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who may use the activity routes (活动台账), for {@code AuthorizationMatrixTests}: staff record,
 * admins stand in, supervisors read the ledger and its figures, reviewers have nothing here. The
 * harmless parameters leave every write refused (no submission token, a stale version, the
 * required fields missing), so that the fuzz of {@code HostileRequestsTests} never changes an
 * activity of 甘孜州.
 */
public class ActivityRouteDecisions implements RouteDecisions {

	@Override
	public Map<String, @Nullable Set<Role>> matrix() {
		var readers = EnumSet.of(Role.ADMIN, Role.SUPERVISOR, Role.STAFF);
		var writers = EnumSet.of(Role.ADMIN, Role.STAFF);
		var matrix = new LinkedHashMap<String, @Nullable Set<Role>>();
		matrix.put("GET /activities", readers);
		matrix.put("GET /activities/figures", readers);
		matrix.put("GET /activities/{id}", readers);
		matrix.put("GET /activities/new", writers);
		matrix.put("POST /activities", writers);
		matrix.put("GET /activities/{id}/edit", writers);
		matrix.put("POST /activities/{id}", writers);
		matrix.put("POST /activities/{id}/files", writers);
		return matrix;
	}

	@Override
	public Map<String, Map<String, String>> parameters() {
		return Map.of("POST /activities/{id}", Map.of("version", "-1"));
	}

	/** An activity of {@code county}: the demo data's first there, or one made for these tests, of no participant. */
	@Override
	public Map<String, String> records(String county, JdbcTemplate jdbc) {
		var id = jdbc.queryForObject("select min(id) from activity where region_code like ?", Long.class, county + "%");
		if (id == null) {
			id = jdbc.queryForObject("""
					insert into activity (kind, title, started_on, ended_on, region_code, participants, created_by)
					values ('OTHER', '授权测试活动', current_date, current_date, ?, 0, 'authorization-test')
					returning id""", Long.class, county);
		}
		// AuthorizationMatrixTests names a route's record by its path's first segment, less a final "s".
		return Map.of("activitie", String.valueOf(id));
	}

}
