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
 * Who may use the title routes (命名), for {@code AuthorizationMatrixTests}: every record keeper
 * reads; staff and admins file applications and add their files; supervisors and admins re-check and draw; admins
 * decide, name in batches and set the level rules. Reviewers: nothing.
 */
public class NamingRouteDecisions implements RouteDecisions {

	private static final Set<Role> RECORD_KEEPERS = EnumSet.of(Role.ADMIN, Role.SUPERVISOR, Role.STAFF);

	private static final Set<Role> WRITERS = EnumSet.of(Role.ADMIN, Role.STAFF);

	private static final Set<Role> SUPERVISORS = EnumSet.of(Role.ADMIN, Role.SUPERVISOR);

	private static final Set<Role> ADMINS = EnumSet.of(Role.ADMIN);

	@Override
	public Map<String, @Nullable Set<Role>> matrix() {
		var matrix = new LinkedHashMap<String, @Nullable Set<Role>>();
		matrix.put("GET /namings", RECORD_KEEPERS);
		matrix.put("GET /namings/export", RECORD_KEEPERS);
		matrix.put("GET /namings/due", RECORD_KEEPERS);
		matrix.put("GET /namings/new", WRITERS);
		matrix.put("POST /namings", WRITERS);
		matrix.put("GET /namings/rules", ADMINS);
		matrix.put("POST /namings/rules", ADMINS);
		matrix.put("GET /namings/{id}", RECORD_KEEPERS);
		matrix.put("POST /namings/{id}/materials", WRITERS);
		matrix.put("POST /namings/{id}/name", ADMINS);
		matrix.put("POST /namings/{id}/refuse", ADMINS);
		matrix.put("POST /namings/{id}/revoke", ADMINS);
		matrix.put("POST /namings/{id}/end-rectification", ADMINS);
		matrix.put("POST /namings/{id}/clear-flag", ADMINS);
		matrix.put("POST /namings/{id}/start-recheck", SUPERVISORS);
		matrix.put("POST /naming-rechecks/{id}/result", SUPERVISORS);
		matrix.put("GET /naming-draws", SUPERVISORS);
		matrix.put("GET /naming-draws/new", SUPERVISORS);
		matrix.put("POST /naming-draws", SUPERVISORS);
		matrix.put("GET /naming-draws/{id}", SUPERVISORS);
		matrix.put("GET /naming-batches", RECORD_KEEPERS);
		matrix.put("GET /naming-batches/new", ADMINS);
		matrix.put("POST /naming-batches/new", ADMINS);
		matrix.put("POST /naming-batches/preview", ADMINS);
		matrix.put("POST /naming-batches", ADMINS);
		matrix.put("GET /naming-batches/{id}", RECORD_KEEPERS);
		return matrix;
	}

	@Override
	public Map<String, Map<String, String>> parameters() {
		var stale = Map.of("version", "-1");
		var parameters = new LinkedHashMap<String, Map<String, String>>();
		for (var step : new String[] { "name", "refuse", "revoke", "end-rectification", "clear-flag", "start-recheck" }) {
			parameters.put("POST /namings/{id}/" + step, stale);
		}
		parameters.put("POST /naming-rechecks/{id}/result", stale);
		parameters.put("POST /namings/rules", Map.of("version", "-1", "level", "COUNTY", "validityYears", "5"));
		return parameters;
	}

	/**
	 * In {@code county}: the sample title the certificate routes are tried on (the county as a
	 * 示范区 of 2000, long expired), an open re-check of it, an empty draw and a batch of 2000. No
	 * unit and no live title, so the unit figures of the demo prefecture stay as the demo loader made them.
	 */
	@Override
	public Map<String, String> records(String county, JdbcTemplate jdbc) {
		var naming = (Long) CertificateRouteDecisions.sampleTitle(county, jdbc).get("id");
		jdbc.update("""
				insert into naming_recheck (naming_id, kind, region_code, planned_on, created_by)
				select ?, 'AD_HOC', ?, current_date, 'authorization-test'
				where not exists (select 1 from naming_recheck where naming_id = ?)""", naming, county, naming);
		var recheck = jdbc.queryForObject("select min(id) from naming_recheck where naming_id = ?", Long.class, naming);
		jdbc.update("""
				insert into naming_draw (issuer_region_code, year, share_percent, seed, population, drawn, drawn_on, drawn_by)
				select ?, 1999, 10, 1, 0, 0, '1999-01-01', 'authorization-test'
				where not exists (select 1 from naming_draw where issuer_region_code = ? and drawn_by = 'authorization-test')""",
				county, county);
		var draw = jdbc.queryForObject(
				"select min(id) from naming_draw where issuer_region_code = ? and drawn_by = 'authorization-test'", Long.class,
				county);
		jdbc.update("""
				insert into naming_batch (issuer_region_code, level, year, number, title, decision_number, decided_on, created_by)
				values (?, 'COUNTY', 2000, 999, '授权测试批次', '授权测试〔2000〕999号', '2000-01-01', 'authorization-test')
				on conflict do nothing""", county);
		var batch = jdbc.queryForObject(
				"select id from naming_batch where issuer_region_code = ? and level = 'COUNTY' and year = 2000 and number = 999",
				Long.class, county);
		return Map.of("naming", String.valueOf(naming), "naming-recheck", String.valueOf(recheck), "naming-draw",
				String.valueOf(draw), "naming-batche", String.valueOf(batch));
	}

}
