package org.pomegranate.assessment.web.review;

import org.pomegranate.shared.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * 第三方评估: admins keep the evaluating institutions and the assignments of the assessments of
 * their region (the services answer 404 outside it); reviewers use their own tasks (the service
 * answers 404 without a live assignment), among them the lists behind frozen figures, which the
 * holder's people and the supervisors above read from the holder's page (the service answers 404
 * outside their region). Before the holder's rules, which would let staff post under
 * {@code /assessments/**}.
 */
@Component
class ReviewRoutes implements RouteRules {

	@Override
	public int order() {
		return 420;
	}

	@Override
	public void configure(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers("/institutions", "/institutions/**")
			.hasRole("ADMIN")
			.requestMatchers("/assessments/*/assignments", "/assessments/*/assignments/**")
			.hasRole("ADMIN")
			.requestMatchers(HttpMethod.GET, "/assessments/*/nodes/*/records")
			.hasAnyRole("ADMIN", "SUPERVISOR", "STAFF")
			.requestMatchers("/reviews", "/reviews/**")
			.hasRole("REVIEWER");
	}

}
