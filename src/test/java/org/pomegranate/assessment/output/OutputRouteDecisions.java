package org.pomegranate.assessment.output;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.pomegranate.account.Role;
import org.pomegranate.web.RouteDecisions;

/**
 * Who may use the outputs of an assessment, for {@code AuthorizationMatrixTests}: its files and
 * comparison go to whoever reads its page (record keepers of its region, a reviewer with a live
 * assignment; the records are those of {@code AssessmentRouteDecisions}); the region overview to
 * the record keepers.
 */
public class OutputRouteDecisions implements RouteDecisions {

	private static final Set<Role> RECORD_KEEPERS = EnumSet.of(Role.ADMIN, Role.SUPERVISOR, Role.STAFF);

	@Override
	public Map<String, @Nullable Set<Role>> matrix() {
		var matrix = new LinkedHashMap<String, @Nullable Set<Role>>();
		matrix.put("GET /assessments/{id}/self-report.docx", EnumSet.allOf(Role.class));
		matrix.put("GET /assessments/{id}/evaluation-report.docx", EnumSet.allOf(Role.class));
		matrix.put("GET /assessments/{id}/scores.xlsx", EnumSet.allOf(Role.class));
		matrix.put("GET /assessments/{id}/comparison", EnumSet.allOf(Role.class));
		matrix.put("GET /assessment-overview", RECORD_KEEPERS);
		return matrix;
	}

}
