package org.pomegranate.account.signin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may read the actuator: anyone its health (without details, see application.properties),
 * only a scraper that shows the configured token ({@code POMEGRANATE_METRICS_TOKEN}) as
 * {@code Authorization: Bearer …} the Prometheus metrics, and nobody anything else. Without a
 * token the metrics are closed to all. A chain of its own, before the pages' chain: no session,
 * no login page, a refusal is a bare 401.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorSecurityConfiguration {

	/** Shorter tokens can be guessed; the app refuses to start with one. */
	static final int MINIMUM_TOKEN_LENGTH = 24;

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain actuatorFilterChain(HttpSecurity http, @Value("${pomegranate.metrics.token:}") String token)
			throws Exception {
		http.securityMatcher("/actuator/**")
			.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers("/actuator/prometheus")
				.access(scraperWith(token))
				.anyRequest()
				.denyAll())
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(bearerTokenRequired()));
		return http.build();
	}

	/** Grants the request that carries exactly {@code token} as its bearer token; none when no token is configured. */
	static AuthorizationManager<RequestAuthorizationContext> scraperWith(String token) {
		var configured = token.strip();
		if (!configured.isEmpty() && configured.length() < MINIMUM_TOKEN_LENGTH) {
			throw new IllegalStateException("POMEGRANATE_METRICS_TOKEN must be at least " + MINIMUM_TOKEN_LENGTH
					+ " characters long (or unset, which closes /actuator/prometheus)");
		}
		var expected = ("Bearer " + configured).getBytes(StandardCharsets.UTF_8);
		return (authentication, context) -> {
			var presented = context.getRequest().getHeader(HttpHeaders.AUTHORIZATION);
			return new AuthorizationDecision(!configured.isEmpty() && presented != null
					&& MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8)));
		};
	}

	private static AuthenticationEntryPoint bearerTokenRequired() {
		return (request, response, exception) -> {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"pomegranate-metrics\"");
			response.setStatus(HttpStatus.UNAUTHORIZED.value());
		};
	}

}
