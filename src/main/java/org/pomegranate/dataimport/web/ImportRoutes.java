package org.pomegranate.dataimport.web;

import org.pomegranate.shared.RouteRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** 数据导入: staff and admins import into their own region; supervisors and reviewers have nothing here. */
@Component
class ImportRoutes implements RouteRules {

	@Override
	public int order() {
		return 470;
	}

	@Override
	public void configure(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers("/imports", "/imports/**").hasAnyRole("ADMIN", "STAFF");
	}

}
