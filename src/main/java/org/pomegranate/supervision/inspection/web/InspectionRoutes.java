package org.pomegranate.supervision.inspection.web;

import org.pomegranate.shared.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Inspections, rectifications and notices: supervisors and admins create inspections, record
 * findings and verify rectifications; staff and admins report them; admins draft, approve,
 * publish and retract notices; every record keeper reads. Reviewers: nothing.
 */
@Component
class InspectionRoutes implements RouteRules {

	@Override
	public int order() {
		return 460;
	}

	@Override
	public void configure(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(HttpMethod.GET, "/inspections/new", "/inspections/*/edit", "/inspections/unit-options")
			.hasAnyRole("ADMIN", "SUPERVISOR")
			.requestMatchers(HttpMethod.POST, "/inspections", "/inspections/**")
			.hasAnyRole("ADMIN", "SUPERVISOR")
			.requestMatchers(HttpMethod.POST, "/rectifications/*/report")
			.hasAnyRole("ADMIN", "STAFF")
			.requestMatchers(HttpMethod.POST, "/rectifications/*/pass", "/rectifications/*/fail")
			.hasAnyRole("ADMIN", "SUPERVISOR")
			.requestMatchers(HttpMethod.GET, "/notices/new", "/notices/*/edit")
			.hasRole("ADMIN")
			.requestMatchers(HttpMethod.POST, "/notices", "/notices/**")
			.hasRole("ADMIN")
			.requestMatchers("/inspections", "/inspections/**", "/rectifications", "/rectifications/**", "/notices",
					"/notices/**")
			.hasAnyRole("ADMIN", "SUPERVISOR", "STAFF");
	}

}
