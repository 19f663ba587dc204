package org.pomegranate.account.mfa;

import jakarta.servlet.Filter;
import org.pomegranate.account.CurrentUser;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorizationManagerFactories;
import org.springframework.security.authorization.AuthorizationManagerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The second factor in Spring Security's multi-factor terms. Every URL rule built from the
 * authorization manager factory ({@code authenticated()}, {@code hasRole(…)}, …) also requires the
 * password factor and {@link SecondFactorAuthority#AUTHORITY} of a user the {@link SecondFactorPolicy}
 * names; the missing factor leads to the second step, or to enrolment when the user has no
 * authenticator yet. Public routes ({@code permitAll}) are untouched.
 */
@Configuration(proxyBeanMethods = false)
public class SecondFactorSecurity {

	@Bean
	AuthorizationManagerFactory<RequestAuthorizationContext> secondFactorAuthorization(SecondFactorPolicy policy) {
		return AuthorizationManagerFactories.<RequestAuthorizationContext>multiFactor()
			.when(authentication -> mustPresentFactors(authentication, policy))
			.requireFactors(FactorGrantedAuthority.PASSWORD_AUTHORITY, SecondFactorAuthority.AUTHORITY)
			.build();
	}

	@Bean
	SecondFactorSignIn secondFactorSignIn(SecondFactorService service, SecondFactorPolicy policy) {
		return new SecondFactorSignIn(new SecondFactorAuthenticationFilter(service), (request, response, ex) -> {
			var authentication = SecurityContextHolder.getContext().getAuthentication();
			var enrolled = authentication != null && authentication.getPrincipal() instanceof CurrentUser user
					&& policy.isEnrolled(user);
			response.sendRedirect(request.getContextPath()
					+ (enrolled ? SecondFactorAuthenticationFilter.STEP_PAGE : SecondFactorSignIn.ENROLMENT_PAGE));
		});
	}

	/** A session that already passed the step needs no database look-up: the check then holds. */
	private static boolean mustPresentFactors(Authentication authentication, SecondFactorPolicy policy) {
		return SecondFactorAuthority.passedBy(authentication)
				|| authentication.getPrincipal() instanceof CurrentUser user && policy.requiredFor(user);
	}

	/**
	 * What the security filter chain adds: the filter of the second step, and where a session
	 * lacking the second factor is sent.
	 */
	public record SecondFactorSignIn(Filter filter, AuthenticationEntryPoint missingFactor) {

		public static final String ENROLMENT_PAGE = "/account/second-factor";

		public static final String AUTHORITY = SecondFactorAuthority.AUTHORITY;

	}

}
