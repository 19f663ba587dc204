package org.pomegranate.dashboard.web;

import org.pomegranate.account.Role;
import org.pomegranate.shared.RouteRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Supervisors and admins drill down; staff see their own region's dashboard on the home page
 * ({@code /}, everyone's), and the charts' JSON follows the same scope.
 */
@Component
class DashboardRoutes implements RouteRules {

	@Override
	public int order() {
		return 100;
	}

	@Override
	public void configure(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers("/dashboard", "/dashboard/**")
			.hasAnyRole(Role.ADMIN.name(), Role.SUPERVISOR.name())
			.requestMatchers("/api/stats/**")
			.hasAnyRole(Role.ADMIN.name(), Role.SUPERVISOR.name(), Role.STAFF.name());
	}

}
