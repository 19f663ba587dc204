package org.pomegranate.assessment.framework;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.pomegranate.account.Role;
import org.pomegranate.web.RouteDecisions;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who may use the 测评指标 routes, for {@code AuthorizationMatrixTests}: every record keeper reads and
 * exports; admins write (the service then lets only those of a province or prefecture author).
 * Reviewers: nothing.
 */
public class FrameworkRouteDecisions implements RouteDecisions {

	private static final Set<Role> RECORD_KEEPERS = EnumSet.of(Role.ADMIN, Role.SUPERVISOR, Role.STAFF);

	private static final Set<Role> ADMINS = EnumSet.of(Role.ADMIN);

	private static final String AUTHOR = "authorization-test";

	@Override
	public Map<String, @Nullable Set<Role>> matrix() {
		var matrix = new LinkedHashMap<String, @Nullable Set<Role>>();
		matrix.put("GET /frameworks", RECORD_KEEPERS);
		matrix.put("GET /frameworks/new", ADMINS);
		matrix.put("POST /frameworks", ADMINS);
		matrix.put("POST /frameworks/import", ADMINS);
		matrix.put("GET /frameworks/{id}", RECORD_KEEPERS);
		matrix.put("GET /frameworks/{id}/export", RECORD_KEEPERS);
		matrix.put("POST /frameworks/{id}/settings", ADMINS);
		matrix.put("POST /frameworks/{id}/publish", ADMINS);
		matrix.put("POST /frameworks/{id}/next-version", ADMINS);
		matrix.put("POST /frameworks/{id}/import", ADMINS);
		matrix.put("GET /frameworks/{id}/nodes/new", ADMINS);
		matrix.put("POST /frameworks/{id}/nodes", ADMINS);
		matrix.put("GET /framework-nodes/{id}/edit", ADMINS);
		matrix.put("POST /framework-nodes/{id}", ADMINS);
		matrix.put("POST /framework-nodes/{id}/delete", ADMINS);
		matrix.put("POST /framework-nodes/{id}/move", ADMINS);
		return matrix;
	}

	@Override
	public Map<String, Map<String, String>> parameters() {
		var stale = Map.of("version", "-1");
		var parameters = new LinkedHashMap<String, Map<String, String>>();
		for (var route : new String[] { "settings", "publish", "next-version", "import", "nodes" }) {
			parameters.put("POST /frameworks/{id}/" + route, stale);
		}
		for (var route : new String[] { "", "/delete", "/move" }) {
			parameters.put("POST /framework-nodes/{id}" + route, stale);
		}
		return parameters;
	}

	/**
	 * A draft framework issued by {@code county} itself with one category: no admin of a county
	 * may author it (only those of a province or prefecture author), so every write on it is
	 * refused, yet every reader of the county finds it. {@code "framework"} and its category, {@code "framework-node"}.
	 */
	@Override
	public Map<String, String> records(String county, JdbcTemplate jdbc) {
		jdbc.update("""
				insert into indicator_framework (kind, issuer_region_code, name, version_number, state, created_by)
				select 'COUNTY', ?, '授权测试指标', 1, 'DRAFT', ?
				where not exists (select 1 from indicator_framework where issuer_region_code = ? and created_by = ?)""",
				county, AUTHOR, county, AUTHOR);
		var framework = jdbc.queryForObject(
				"select id from indicator_framework where issuer_region_code = ? and created_by = ?", Long.class, county, AUTHOR);
		jdbc.update("update indicator_framework set lineage_id = id where id = ? and lineage_id is null", framework);
		jdbc.update("""
				insert into indicator_node (framework_id, level, code, position, title, points)
				values (?, 'CATEGORY', '1', 1, '授权测试大类', 10) on conflict do nothing""", framework);
		var node = jdbc.queryForObject("select id from indicator_node where framework_id = ? and code = '1'", Long.class,
				framework);
		return Map.of("framework", String.valueOf(framework), "framework-node", String.valueOf(node));
	}

}
