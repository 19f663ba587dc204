package org.pomegranate.account.web;

import org.pomegranate.shared.RouteRules;
import org.pomegranate.account.Role;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The second step of sign-in and one's own enrolment are for a session signed in with the password
 * alone: their rule is "admin or supervisor" (who may enrol), built without the multi-factor requirement every other rule
 * carries. What may be done there (not replacing an active authenticator) the service decides.
 */
@Component
class SecondFactorRoutes implements RouteRules {

	@Override
	public int order() {
		return 590;
	}

	@Override
	public void configure(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers("/login/second-factor", "/account/second-factor", "/account/second-factor/**")
			.access(AuthorityAuthorizationManager.hasAnyRole(Role.ADMIN.name(), Role.SUPERVISOR.name()));
	}

}
