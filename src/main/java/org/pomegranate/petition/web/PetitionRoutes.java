package org.pomegranate.petition.web;

import org.pomegranate.account.Role;
import org.pomegranate.shared.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The petition ledger: staff register and work petitions, supervisors push them and mark backlog
 * cases, admins keep categories and departments; the service decides each step.
 */
@Component
class PetitionRoutes implements RouteRules {

	@Override
	public int order() {
		return 300;
	}

	@Override
	public void configure(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers("/petition-categories/**", "/petition-departments/**")
			.hasRole(Role.ADMIN.name())
			.requestMatchers(HttpMethod.GET, "/petitions/new")
			.hasAnyRole(Role.ADMIN.name(), Role.STAFF.name())
			.requestMatchers(HttpMethod.POST, "/petitions/*/push")
			.hasAnyRole(Role.ADMIN.name(), Role.SUPERVISOR.name(), Role.STAFF.name())
			.requestMatchers(HttpMethod.POST, "/petitions/*/backlog")
			.hasAnyRole(Role.ADMIN.name(), Role.SUPERVISOR.name())
			.requestMatchers(HttpMethod.POST, "/petitions", "/petitions/**")
			.hasAnyRole(Role.ADMIN.name(), Role.STAFF.name())
			.requestMatchers("/petitions/**")
			.hasAnyRole(Role.ADMIN.name(), Role.SUPERVISOR.name(), Role.STAFF.name());
	}

}
