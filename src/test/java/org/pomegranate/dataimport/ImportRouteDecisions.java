package org.pomegranate.dataimport;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.pomegranate.account.Role;
import org.pomegranate.web.RouteDecisions;
import org.springframework.jdbc.core.JdbcTemplate;

/** 数据导入 is staff's and admins' (standing in) alone, for {@code AuthorizationMatrixTests}. */
public class ImportRouteDecisions implements RouteDecisions {

	@Override
	public Map<String, @Nullable Set<Role>> matrix() {
		var importers = EnumSet.of(Role.ADMIN, Role.STAFF);
		var matrix = new LinkedHashMap<String, @Nullable Set<Role>>();
		for (var route : new String[] { "GET /imports", "GET /imports/template", "POST /imports/upload", "GET /imports/draft",
				"GET /imports/draft/mapping", "POST /imports/draft/mapping", "GET /imports/draft/returned",
				"POST /imports/draft/commit", "GET /imports/{id}",
				"GET /imports/{id}/progress", "POST /imports/{id}/undo" }) {
			matrix.put(route, importers);
		}
		return matrix;
	}

	/** Harmless: the template of households; an upload and a commit with nothing in them. */
	@Override
	public Map<String, Map<String, String>> parameters() {
		return Map.of("GET /imports/template", Map.of("kind", "households"), "POST /imports/upload",
				Map.of("kind", "households"));
	}

	/** A failed batch of {@code county}, which nothing can undo. */
	@Override
	public Map<String, String> records(String county, JdbcTemplate jdbc) {
		var id = jdbc.queryForObject("""
				insert into import_batch (kind, region_code, username, file_name, sha256, mode, state, started_at, finished_at)
				values ('households', ?, 'authorization-test', '授权测试.xlsx', repeat('0', 64), 'VALID_ROWS', 'FAILED', now(), now())
				returning id""", Long.class, county);
		return Map.of("import", String.valueOf(id));
	}

}
