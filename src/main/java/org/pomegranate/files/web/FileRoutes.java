package org.pomegranate.files.web;

import org.pomegranate.shared.RouteRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Files: the record keepers, and reviewers (for the evidence of the submissions they review), may
 * ask for one; the module that owns it then decides whether this user may see its owner record
 * (404 otherwise).
 */
@Component
class FileRoutes implements RouteRules {

	@Override
	public int order() {
		return 900;
	}

	@Override
	public void configure(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers("/files/**").hasAnyRole("ADMIN", "SUPERVISOR", "STAFF", "REVIEWER");
	}

}
