package org.pomegranate.assessment.web.evidence;

import org.pomegranate.shared.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * 佐证材料库: record keepers browse the library of their region; staff and admins (the holder's
 * people) make and correct pieces. A reviewer reads a piece's page only, and only a piece of a
 * submission they are assigned to review (the service answers 404 otherwise).
 */
@Component
class EvidenceRoutes implements RouteRules {

	@Override
	public int order() {
		return 425;
	}

	@Override
	public void configure(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(HttpMethod.GET, "/evidence/new")
			.hasAnyRole("ADMIN", "STAFF")
			.requestMatchers(HttpMethod.POST, "/evidence", "/evidence/**")
			.hasAnyRole("ADMIN", "STAFF")
			.requestMatchers(HttpMethod.GET, "/evidence")
			.hasAnyRole("ADMIN", "SUPERVISOR", "STAFF")
			.requestMatchers(HttpMethod.GET, "/evidence/*")
			.hasAnyRole("ADMIN", "SUPERVISOR", "STAFF", "REVIEWER");
	}

}
