package org.pomegranate.unit.web;

import org.pomegranate.shared.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Titles (命名): staff and admins file applications and add their files; supervisors and admins of the issuing region
 * re-check and draw; admins name (one or in a batch), refuse, revoke, end rectifications, clear
 * 待核查 flags and set the level rules; every record keeper reads. Reviewers: nothing.
 */
@Component
class NamingRoutes implements RouteRules {

	@Override
	public int order() {
		return 410;
	}

	@Override
	public void configure(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers("/namings/rules")
			.hasRole("ADMIN")
			.requestMatchers(HttpMethod.GET, "/namings/new")
			.hasAnyRole("ADMIN", "STAFF")
			.requestMatchers(HttpMethod.POST, "/namings")
			.hasAnyRole("ADMIN", "STAFF")
			.requestMatchers(HttpMethod.POST, "/namings/*/materials")
			.hasAnyRole("ADMIN", "STAFF")
			.requestMatchers(HttpMethod.POST, "/namings/*/start-recheck")
			.hasAnyRole("ADMIN", "SUPERVISOR")
			.requestMatchers(HttpMethod.POST, "/namings/**")
			.hasRole("ADMIN")
			.requestMatchers("/naming-rechecks/**", "/naming-draws", "/naming-draws/**")
			.hasAnyRole("ADMIN", "SUPERVISOR")
			.requestMatchers(HttpMethod.GET, "/naming-batches/new")
			.hasRole("ADMIN")
			.requestMatchers(HttpMethod.POST, "/naming-batches", "/naming-batches/**")
			.hasRole("ADMIN")
			.requestMatchers("/namings", "/namings/**", "/naming-batches", "/naming-batches/**")
			.hasAnyRole("ADMIN", "SUPERVISOR", "STAFF");
	}

}
