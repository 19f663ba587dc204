package org.pomegranate.unit;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.pomegranate.account.Role;
import org.pomegranate.web.RouteDecisions;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who may use the unit routes (创建单位, 石榴籽网络), for {@code AuthorizationMatrixTests}: staff
 * record, admins stand in, supervisors read, reviewers have nothing here. The harmless parameters
 * leave every write refused (no submission token, a stale version, two required fields missing),
 * so that the fuzz of {@code HostileRequestsTests}, which changes one parameter at a time, never
 * changes a unit of 甘孜州.
 */
public class UnitRouteDecisions implements RouteDecisions {

	@Override
	public Map<String, @Nullable Set<Role>> matrix() {
		var readers = EnumSet.of(Role.ADMIN, Role.SUPERVISOR, Role.STAFF);
		var writers = EnumSet.of(Role.ADMIN, Role.STAFF);
		var matrix = new LinkedHashMap<String, @Nullable Set<Role>>();
		matrix.put("GET /units", readers);
		matrix.put("GET /units/export", readers);
		matrix.put("GET /units/network", readers);
		matrix.put("GET /units/{id}", readers);
		matrix.put("GET /units/new", writers);
		matrix.put("POST /units", writers);
		matrix.put("GET /units/{id}/edit", writers);
		matrix.put("POST /units/{id}", writers);
		matrix.put("GET /units/{id}/merge", writers);
		matrix.put("POST /units/{id}/merge", writers);
		matrix.put("GET /units/{id}/members/new", writers);
		matrix.put("POST /units/{id}/members", writers);
		matrix.put("POST /units/{id}/members/leave", writers);
		matrix.put("GET /units/{id}/duties/new", writers);
		matrix.put("POST /units/{id}/duties", writers);
		matrix.put("POST /units/{id}/photos", writers);
		return matrix;
	}

	@Override
	public Map<String, Map<String, String>> parameters() {
		return Map.of("POST /units/{id}", Map.of("version", "-1"), "POST /units/{id}/merge", Map.of("version", "-1"),
				"POST /units/{id}/members/leave", Map.of("version", "-1"));
	}

	/**
	 * A unit of {@code county}: the demo data's first there, or, where it has none, one made for
	 * these tests, already merged (已撤并) so that it counts in no figure.
	 */
	@Override
	public Map<String, String> records(String county, JdbcTemplate jdbc) {
		var id = jdbc.queryForObject("select min(id) from campaign_unit where region_code like ?", Long.class, county + "%");
		if (id == null) {
			id = jdbc.queryForObject("""
					insert into campaign_unit (name, kind, region_code, state, merged_on, merged_reason, created_by)
					values ('授权测试单位', 'AGENCY', ?, 'MERGED', current_date, '授权测试', 'authorization-test')
					returning id""", Long.class, county);
		}
		return Map.of("unit", String.valueOf(id));
	}

}
