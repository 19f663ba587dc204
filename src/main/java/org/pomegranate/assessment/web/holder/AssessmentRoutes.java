package org.pomegranate.assessment.web.holder;

import org.pomegranate.shared.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * 测评申报: every record keeper reads the assessments of their region; staff and admins (the
 * holder's people) write, as the aggregate then decides step by step. A reviewer reads an
 * assessment's page through a live assignment only (the service answers 404 otherwise).
 */
@Component
class AssessmentRoutes implements RouteRules {

	@Override
	public int order() {
		return 430;
	}

	@Override
	public void configure(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(HttpMethod.GET, "/assessments/new", "/assessments/*/move")
			.hasAnyRole("ADMIN", "STAFF")
			.requestMatchers(HttpMethod.GET, "/assessments/*/decision")
			.hasAnyRole("ADMIN", "SUPERVISOR", "STAFF")
			.requestMatchers(HttpMethod.POST, "/assessments", "/assessments/**")
			.hasAnyRole("ADMIN", "STAFF")
			.requestMatchers(HttpMethod.GET, "/assessments")
			.hasAnyRole("ADMIN", "SUPERVISOR", "STAFF")
			.requestMatchers(HttpMethod.GET, "/assessments/*")
			.hasAnyRole("ADMIN", "SUPERVISOR", "STAFF", "REVIEWER");
	}

}
