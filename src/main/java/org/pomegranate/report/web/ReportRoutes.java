package org.pomegranate.report.web;

import org.pomegranate.account.Role;
import org.pomegranate.shared.RouteRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Monthly reports are the admins'. */
@Component
class ReportRoutes implements RouteRules {

	@Override
	public int order() {
		return 400;
	}

	@Override
	public void configure(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers("/reports", "/reports/**").hasRole(Role.ADMIN.name());
	}

}
