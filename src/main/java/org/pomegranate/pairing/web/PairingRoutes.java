package org.pomegranate.pairing.web;

import org.pomegranate.shared.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Forms and writes of the pairing records: staff enter them, admins stand in; supervisors read.
 * Programs are the admins'; full ID numbers leave only for supervisors and admins.
 */
@Component
class PairingRoutes implements RouteRules {

	@Override
	public int order() {
		return 200;
	}

	@Override
	public void configure(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		// 迁移申请: a requester reads their own; deciding is the admins'.
		rules.requestMatchers(HttpMethod.GET, "/transfers/mine")
			.hasAnyRole("ADMIN", "STAFF")
			.requestMatchers("/transfers", "/transfers/**")
			.hasRole("ADMIN")
			.requestMatchers(HttpMethod.GET, "/programs/new", "/programs/*/edit")
			.hasRole("ADMIN")
			.requestMatchers(HttpMethod.POST, "/programs", "/programs/**")
			.hasRole("ADMIN")
			.requestMatchers(HttpMethod.POST, "/households/export-unmasked")
			.hasAnyRole("ADMIN", "SUPERVISOR")
			.requestMatchers(HttpMethod.POST, "/households/*/reveal")
			.hasAnyRole("ADMIN", "SUPERVISOR", "STAFF")
			.requestMatchers(HttpMethod.GET, "/households/new", "/households/*/edit", "/cadres/new", "/cadres/*/edit",
					"/pairings/new", "/pairings/*/visits/new")
			.hasAnyRole("ADMIN", "STAFF")
			.requestMatchers(HttpMethod.POST, "/households", "/households/**", "/cadres", "/cadres/**", "/pairings",
					"/pairings/**")
			.hasAnyRole("ADMIN", "STAFF")
			.requestMatchers("/households/**", "/cadres/**", "/programs/**", "/pairings/**", "/visits/**",
					"/coverage/**")
			.hasAnyRole("ADMIN", "SUPERVISOR", "STAFF");
	}

}
