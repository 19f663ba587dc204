package org.pomegranate.account;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.pomegranate.web.RouteDecisions;

/** Who may use the routes of the second factor, for {@code AuthorizationMatrixTests}. */
public class SecondFactorRouteDecisions implements RouteDecisions {

	private static final Set<Role> ENROLLING = EnumSet.of(Role.ADMIN, Role.SUPERVISOR);

	private static final Set<Role> ADMINS = EnumSet.of(Role.ADMIN);

	@Override
	public Map<String, @Nullable Set<Role>> matrix() {
		var matrix = new LinkedHashMap<String, @Nullable Set<Role>>();
		matrix.put("GET /login/second-factor", ENROLLING);
		matrix.put("GET /account/second-factor", ENROLLING);
		matrix.put("POST /account/second-factor/setup", ENROLLING);
		matrix.put("GET /account/second-factor/setup", ENROLLING);
		matrix.put("POST /account/second-factor/confirm", ENROLLING);
		matrix.put("GET /account/second-factor/recovery-codes", ENROLLING);
		matrix.put("GET /admin/users/{id}/second-factor", ADMINS);
		matrix.put("POST /admin/users/{id}/second-factor/reset", ADMINS);
		matrix.put("GET /admin/second-factor", ADMINS);
		matrix.put("POST /admin/second-factor/regions", ADMINS);
		return matrix;
	}

	@Override
	public Map<String, Map<String, String>> parameters() {
		return Map.of("POST /account/second-factor/confirm", Map.of("code", "000000"),
				"POST /admin/second-factor/regions", Map.of("region", "", "required", "false"));
	}

}
