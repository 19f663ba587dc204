package org.pomegranate.assessment.web.output;

import org.pomegranate.shared.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * An assessment's files and comparison go to whoever may read its page (a reviewer through a live
 * assignment; the service answers 404 otherwise); the region overview to the record keepers, who
 * see their region's assessments.
 */
@Component
class OutputRoutes implements RouteRules {

	@Override
	public int order() {
		return 415;
	}

	@Override
	public void configure(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(HttpMethod.GET, "/assessments/*/self-report.docx", "/assessments/*/evaluation-report.docx",
				"/assessments/*/scores.xlsx", "/assessments/*/comparison")
			.hasAnyRole("ADMIN", "SUPERVISOR", "STAFF", "REVIEWER")
			.requestMatchers(HttpMethod.GET, "/assessment-overview")
			.hasAnyRole("ADMIN", "SUPERVISOR", "STAFF");
	}

}
