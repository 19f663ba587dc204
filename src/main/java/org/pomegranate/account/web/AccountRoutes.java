package org.pomegranate.account.web;

import org.pomegranate.account.Role;
import org.pomegranate.shared.RouteRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** User management is the admins'; changing one's own password is everyone's (signed in). */
@Component
class AccountRoutes implements RouteRules {

	@Override
	public int order() {
		return 600;
	}

	@Override
	public void configure(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers("/admin/users", "/admin/users/**").hasRole(Role.ADMIN.name());
	}

}
