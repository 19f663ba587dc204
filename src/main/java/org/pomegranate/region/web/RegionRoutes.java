package org.pomegranate.region.web;

import org.pomegranate.region.RegionService;
import org.pomegranate.shared.RouteRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Everyone who keeps records browses the tree; {@link RegionService} lets only admins change it. */
@Component
class RegionRoutes implements RouteRules {

	@Override
	public int order() {
		return 500;
	}

	@Override
	public void configure(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers("/regions/**").hasAnyRole("ADMIN", "SUPERVISOR", "STAFF");
	}

}
