package org.pomegranate.supervision.web.task;

import org.pomegranate.shared.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Plans and task lists: admins write plans; admins and supervisors issue lists, read them, decide
 * reports (退回, 办结) and extensions, and read the figures; staff and admins (the recipient side)
 * keep the inbox, acknowledge, report and ask for more time; every record keeper reads plans and
 * instances. Reviewers: nothing. The services repeat each rule with the region's.
 */
@Component
class TaskRoutes implements RouteRules {

	private static final String[] ISSUER = { "ADMIN", "SUPERVISOR" };

	private static final String[] RECIPIENT = { "ADMIN", "STAFF" };

	private static final String[] READERS = { "ADMIN", "SUPERVISOR", "STAFF" };

	@Override
	public int order() {
		return 450;
	}

	@Override
	public void configure(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(HttpMethod.GET, "/plans/new")
			.hasRole("ADMIN")
			.requestMatchers(HttpMethod.POST, "/plans")
			.hasRole("ADMIN")
			.requestMatchers(HttpMethod.GET, "/plans", "/plans/*")
			.hasAnyRole(READERS)
			.requestMatchers(HttpMethod.GET, "/tasks/inbox")
			.hasAnyRole(RECIPIENT)
			.requestMatchers(HttpMethod.POST, "/tasks/*/acknowledge", "/tasks/*/report", "/tasks/*/extension")
			.hasAnyRole(RECIPIENT)
			.requestMatchers(HttpMethod.POST, "/tasks/*/return", "/tasks/*/accept", "/tasks/*/extension/grant",
					"/tasks/*/extension/refuse")
			.hasAnyRole(ISSUER)
			.requestMatchers("/tasks/lists", "/tasks/lists/**", "/tasks/figures", "/tasks/instances")
			.hasAnyRole(ISSUER)
			.requestMatchers(HttpMethod.GET, "/tasks/*")
			.hasAnyRole(READERS);
	}

}
