package org.pomegranate.unit.web;

import org.pomegranate.shared.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * 授牌 and 名录: the certificate, its QR code and the list are the record keepers'; the
 * verification page a certificate's QR code opens is the one page anyone may read without signing
 * in — exactly {@code /verify/<code>}, one path segment, nothing below it.
 */
@Component
class CertificateRoutes implements RouteRules {

	@Override
	public int order() {
		// Before the naming module's rules, whose /namings/** must not decide these paths.
		return 340;
	}

	@Override
	public void configure(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(HttpMethod.GET, "/verify/*")
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/namings/directory", "/namings/directory/export", "/namings/*/certificate",
					"/namings/*/certificate/qr.png")
			.hasAnyRole("ADMIN", "SUPERVISOR", "STAFF");
	}

}
