package org.pomegranate.audit;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.pomegranate.account.Role;
import org.pomegranate.web.RouteDecisions;

/** Who may read the audit log, for {@code AuthorizationMatrixTests}. */
public class AuditRouteDecisions implements RouteDecisions {

	@Override
	public Map<String, @Nullable Set<Role>> matrix() {
		return Map.of("GET /admin/audit", EnumSet.of(Role.ADMIN));
	}

}
