package org.pomegranate.audit.web;

import org.pomegranate.audit.AuditLog;
import org.pomegranate.shared.RouteRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The audit log is read by admins only (limited to their subtree by {@link AuditLog}). */
@Component
class AuditRoutes implements RouteRules {

	@Override
	public int order() {
		return 700;
	}

	@Override
	public void configure(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers("/admin/audit", "/admin/audit/**").hasRole("ADMIN");
	}

}
