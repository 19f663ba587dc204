package org.pomegranate.assessment.web.framework;

import org.pomegranate.shared.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * 测评指标: every record keeper reads the frameworks and exports them; admins write (the service
 * lets only those of a province or prefecture author, within their own region). Reviewers: nothing.
 */
@Component
class FrameworkRoutes implements RouteRules {

	@Override
	public int order() {
		return 345;
	}

	@Override
	public void configure(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(HttpMethod.GET, "/frameworks/new", "/frameworks/*/nodes/new", "/framework-nodes/*/edit")
			.hasRole("ADMIN")
			.requestMatchers(HttpMethod.POST, "/frameworks", "/frameworks/**", "/framework-nodes/**")
			.hasRole("ADMIN")
			.requestMatchers("/frameworks", "/frameworks/**", "/framework-nodes/**")
			.hasAnyRole("ADMIN", "SUPERVISOR", "STAFF");
	}

}
