package org.pomegranate.activity.web;

import org.pomegranate.shared.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The activity pages: staff record activities and their files, admins stand in; supervisors read
 * the ledger and its figures; reviewers have nothing here.
 */
@Component
class ActivityRoutes implements RouteRules {

	@Override
	public int order() {
		return 440;
	}

	@Override
	public void configure(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(HttpMethod.GET, "/activities/new", "/activities/*/edit")
			.hasAnyRole("ADMIN", "STAFF")
			.requestMatchers(HttpMethod.POST, "/activities", "/activities/**")
			.hasAnyRole("ADMIN", "STAFF")
			.requestMatchers(HttpMethod.GET, "/activities", "/activities/**")
			.hasAnyRole("ADMIN", "SUPERVISOR", "STAFF");
	}

}
