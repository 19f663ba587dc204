package org.pomegranate.assessment.holder;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.pomegranate.account.Role;
import org.pomegranate.web.RouteDecisions;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who may use the 测评申报 routes, for {@code AuthorizationMatrixTests}: record keepers read the
 * list; the holder's people (staff, admins) start and edit; an assessment's page is read by
 * record keepers of its region and by a reviewer with a live assignment to it.
 */
public class AssessmentRouteDecisions implements RouteDecisions {

	private static final Set<Role> RECORD_KEEPERS = EnumSet.of(Role.ADMIN, Role.SUPERVISOR, Role.STAFF);

	private static final Set<Role> WRITERS = EnumSet.of(Role.ADMIN, Role.STAFF);

	private static final String AUTHOR = "as_authorization";

	@Override
	public Map<String, @Nullable Set<Role>> matrix() {
		var matrix = new LinkedHashMap<String, @Nullable Set<Role>>();
		matrix.put("GET /assessments", RECORD_KEEPERS);
		matrix.put("GET /assessments/new", WRITERS);
		matrix.put("POST /assessments", WRITERS);
		matrix.put("GET /assessments/{id}", EnumSet.allOf(Role.class));
		matrix.put("POST /assessments/{id}/nodes/{nodeId}", WRITERS);
		matrix.put("POST /assessments/{id}/nodes/{nodeId}/evidence", WRITERS);
		matrix.put("POST /assessments/{id}/nodes/{nodeId}/evidence/{evidenceId}/unlink", WRITERS);
		matrix.put("POST /assessments/{id}/submit", WRITERS);
		matrix.put("POST /assessments/{id}/withdraw", WRITERS);
		matrix.put("POST /assessments/{id}/resubmit", WRITERS);
		matrix.put("GET /assessments/{id}/decision", RECORD_KEEPERS);
		matrix.put("GET /assessments/{id}/move", WRITERS);
		matrix.put("POST /assessments/{id}/move", WRITERS);
		matrix.put("POST /assessments/{id}/nodes/{nodeId}/appeal", WRITERS);
		matrix.put("POST /assessments/{id}/nodes/{nodeId}/adopt", WRITERS);
		matrix.put("POST /assessments/{id}/appeals", WRITERS);
		matrix.put("POST /assessments/{id}/waive-appeal", WRITERS);
		matrix.put("POST /assessments/{id}/confirm", WRITERS);
		return matrix;
	}

	@Override
	public Map<String, Map<String, String>> parameters() {
		var stale = Map.of("version", "-1");
		var parameters = new LinkedHashMap<String, Map<String, String>>();
		parameters.put("POST /assessments/{id}/nodes/{nodeId}", stale);
		parameters.put("POST /assessments/{id}/nodes/{nodeId}/appeal", stale);
		parameters.put("POST /assessments/{id}/nodes/{nodeId}/adopt", stale);
		for (var step : new String[] { "submit", "withdraw", "resubmit", "appeals", "waive-appeal", "confirm", "move" }) {
			parameters.put("POST /assessments/{id}/" + step, stale);
		}
		return parameters;
	}

	/**
	 * A draft assessment of {@code county} on the demo county framework, with its score rows (one article's id as {@code "nodeId"}), a piece of its evidence ({@code "evidenceId"}) and a live
	 * assignment of the demo reviewer, so that every role the matrix allows reaches the page.
	 */
	@Override
	public Map<String, String> records(String county, JdbcTemplate jdbc) {
		var framework = jdbc.queryForObject(
				"select id from indicator_framework where name = '示范县测评指标（演示）' and state = 'PUBLISHED'", Long.class);
		jdbc.update("""
				insert into assessment (framework_id, holder_kind, holder_region_code, holder_name, year, purpose, state, created_by)
				select ?, 'REGION', ?, (select name from region where code = ?), 2000, 'SELF_CHECK', 'DRAFT', ?
				where not exists (select 1 from assessment where holder_region_code = ? and created_by = ?)""",
				framework, county, county, AUTHOR, county, AUTHOR);
		var assessment = jdbc.queryForObject("select id from assessment where holder_region_code = ? and created_by = ?",
				Long.class, county, AUTHOR);
		var node = jdbc.queryForObject("select id from indicator_node where framework_id = ? and code = '1.1.1'", Long.class,
				framework);
		jdbc.update("""
				insert into assessment_score (assessment_id, node_id)
				select ?, id from indicator_node where framework_id = ? and level not in ('CATEGORY', 'ITEM')
				on conflict do nothing""", assessment, framework);
		jdbc.update("""
				insert into evidence (holder_kind, holder_region_code, title, kind, made_on, created_by)
				select 'REGION', ?, '授权测试材料', 'TEXT', date '1999-06-01', ?
				where not exists (select 1 from evidence where holder_region_code = ? and created_by = ?)""",
				county, AUTHOR, county, AUTHOR);
		var evidence = jdbc.queryForObject("select id from evidence where holder_region_code = ? and created_by = ?",
				Long.class, county, AUTHOR);
		jdbc.update("insert into evaluating_institution (region_code, name, created_by) values ('5133', '授权测试评估机构', ?) "
				+ "on conflict do nothing", AUTHOR);
		var institution = jdbc.queryForObject(
				"select id from evaluating_institution where region_code = '5133' and name = '授权测试评估机构'", Long.class);
		jdbc.update("""
				insert into reviewer_assignment (assessment_id, user_name, institution_id, starts_on, ends_on, assigned_by)
				select ?, 'gz_reviewer', ?, current_date - 30, current_date + 365, ?
				where not exists (select 1 from reviewer_assignment where assessment_id = ? and user_name = 'gz_reviewer')""",
				assessment, institution, AUTHOR, assessment);
		return Map.of("assessment", String.valueOf(assessment), "nodeId", String.valueOf(node), "evidenceId",
				String.valueOf(evidence));
	}

}
