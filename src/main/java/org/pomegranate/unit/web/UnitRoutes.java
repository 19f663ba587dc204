package org.pomegranate.unit.web;

import org.pomegranate.shared.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The unit pages: staff record units, members, duty statements and photos, admins stand in;
 * supervisors read; reviewers have nothing here.
 */
@Component
class UnitRoutes implements RouteRules {

	@Override
	public int order() {
		return 320;
	}

	@Override
	public void configure(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(HttpMethod.GET, "/units/new", "/units/*/edit", "/units/*/merge", "/units/*/members/new",
				"/units/*/duties/new")
			.hasAnyRole("ADMIN", "STAFF")
			.requestMatchers(HttpMethod.POST, "/units", "/units/**")
			.hasAnyRole("ADMIN", "STAFF")
			.requestMatchers("/units", "/units/**")
			.hasAnyRole("ADMIN", "SUPERVISOR", "STAFF");
	}

}
