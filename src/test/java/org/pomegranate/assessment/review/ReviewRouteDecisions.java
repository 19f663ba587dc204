package org.pomegranate.assessment.review;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.pomegranate.account.Role;
import org.pomegranate.assessment.holder.AssessmentRouteDecisions;
import org.pomegranate.web.RouteDecisions;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who may use the 第三方评估 routes, for {@code AuthorizationMatrixTests}: admins keep the
 * evaluating institutions and the assignments (the services answer 404 outside their region);
 * reviewers alone use their tasks (the service answers 404 without a live assignment); the lists
 * behind frozen figures are the reviewer's from the review page and the record keepers' from the
 * holder's page.
 */
public class ReviewRouteDecisions implements RouteDecisions {

	private static final Set<Role> ADMINS = EnumSet.of(Role.ADMIN);

	private static final Set<Role> REVIEWERS = EnumSet.of(Role.REVIEWER);

	/** The holder's people and the supervisors above, who read the frozen lists from the holder's page. */
	private static final Set<Role> RECORD_KEEPERS = EnumSet.of(Role.ADMIN, Role.SUPERVISOR, Role.STAFF);

	private static final String AUTHOR = "rv_authorization";

	@Override
	public Map<String, @Nullable Set<Role>> matrix() {
		var matrix = new LinkedHashMap<String, @Nullable Set<Role>>();
		matrix.put("GET /institutions", ADMINS);
		matrix.put("POST /institutions", ADMINS);
		matrix.put("GET /institutions/{id}", ADMINS);
		matrix.put("POST /institutions/{id}/reviewers", ADMINS);
		matrix.put("POST /institutions/{id}/reviewers/{reviewerName}/detach", ADMINS);
		matrix.put("GET /assessments/{assessmentId}/assignments", ADMINS);
		matrix.put("POST /assessments/{assessmentId}/assignments", ADMINS);
		matrix.put("POST /assessments/{assessmentId}/assignments/{assignmentId}/end", ADMINS);
		matrix.put("GET /reviews", REVIEWERS);
		matrix.put("GET /reviews/{assessmentId}", REVIEWERS);
		matrix.put("GET /reviews/{assessmentId}/nodes/{articleId}/records", REVIEWERS);
		matrix.put("GET /assessments/{assessmentId}/nodes/{articleId}/records", RECORD_KEEPERS);
		for (var step : STEPS) {
			matrix.put("POST /reviews/{assessmentId}/" + step, REVIEWERS);
		}
		for (var step : NODE_STEPS) {
			matrix.put("POST /reviews/{assessmentId}/nodes/{nodeId}/" + step, REVIEWERS);
		}
		return matrix;
	}

	private static final String[] STEPS = { "start", "send-back", "report", "finish", "close-appeals" };

	private static final String[] NODE_STEPS = { "score", "return", "answer" };

	@Override
	public Map<String, Map<String, String>> parameters() {
		var stale = Map.of("version", "-1");
		var parameters = new LinkedHashMap<String, Map<String, String>>();
		for (var step : STEPS) {
			parameters.put("POST /reviews/{assessmentId}/" + step, stale);
		}
		for (var step : NODE_STEPS) {
			parameters.put("POST /reviews/{assessmentId}/nodes/{nodeId}/" + step, stale);
		}
		return parameters;
	}

	/**
	 * The assessment of {@link AssessmentRouteDecisions} (with its live assignment of the demo
	 * reviewer) as {@code "assessmentId"}; an institution registered in {@code county} with a
	 * reviewer of its own ({@code "institution"}, {@code "reviewerName"}) and that reviewer's
	 * assignment to the assessment ({@code "assignmentId"}), attached and open again each time, so
	 * that detaching or ending them stays harmless.
	 */
	@Override
	public Map<String, String> records(String county, JdbcTemplate jdbc) {
		var assessment = new AssessmentRouteDecisions().records(county, jdbc);
		var assessmentId = Long.parseLong(assessment.get("assessment"));
		var reviewer = "rv_auth_" + county;
		jdbc.update("""
				insert into user_account (username, display_name, password_hash, role, region_code)
				values (?, '授权测试评估人员', '{noop}not-used', 'REVIEWER', ?) on conflict do nothing""", reviewer, county);
		jdbc.update("insert into evaluating_institution (region_code, name, created_by) values (?, '授权测试评估机构', ?) "
				+ "on conflict do nothing", county, AUTHOR);
		var institution = jdbc.queryForObject(
				"select id from evaluating_institution where region_code = ? and name = '授权测试评估机构'", Long.class, county);
		jdbc.update("""
				insert into institution_reviewer (user_name, institution_id) values (?, ?)
				on conflict (user_name) do update set institution_id = excluded.institution_id""", reviewer, institution);
		jdbc.update("""
				insert into reviewer_assignment (assessment_id, user_name, institution_id, starts_on, ends_on, assigned_by)
				select ?, ?, ?, current_date - 30, current_date + 365, ?
				where not exists (select 1 from reviewer_assignment where assessment_id = ? and user_name = ?)""",
				assessmentId, reviewer, institution, AUTHOR, assessmentId, reviewer);
		jdbc.update("update reviewer_assignment set ended_at = null where assessment_id = ? and user_name = ?", assessmentId,
				reviewer);
		var assignment = jdbc.queryForObject(
				"select min(id) from reviewer_assignment where assessment_id = ? and user_name = ?", Long.class, assessmentId,
				reviewer);
		// Its 信访积案化解数 article with a figure frozen and an (empty) list behind it, as {@code "articleId"}.
		var article = jdbc.queryForObject("""
				select s.node_id from assessment_score s join indicator_node n on n.id = s.node_id
				where s.assessment_id = ? and n.metric = 'BACKLOG_CLOSED'""", Long.class, assessmentId);
		jdbc.update("""
				update assessment_score set metric_value = 0, metric_text = '0', metric_frozen_at = now()
				where assessment_id = ? and node_id = ? and metric_frozen_at is null""", assessmentId, article);
		jdbc.update("""
				insert into assessment_figure_records (assessment_id, node_id, figure_key, record_ids, frozen_at)
				values (?, ?, 'figure.petitions.backlogClosed', '{}', now()) on conflict do nothing""", assessmentId, article);
		return Map.of("assessmentId", String.valueOf(assessmentId), "nodeId", assessment.get("nodeId"), "articleId",
				String.valueOf(article), "institution", String.valueOf(institution), "reviewerName", reviewer, "assignmentId",
				String.valueOf(assignment));
	}

}
