package org.pomegranate.account.signin;

import org.pomegranate.account.CurrentUser;
import org.pomegranate.account.Role;
import org.pomegranate.account.mfa.SecondFactorSecurity.SecondFactorSignIn;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.pomegranate.audit.AuditAction;
import org.pomegranate.audit.AuditLog;
import org.pomegranate.audit.AuditOutcome;
import org.pomegranate.shared.RouteRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * Who may reach which URL, how they sign in and out, and the headers every answer carries. The
 * URL rules are the first fence; every service method repeats the role and scope rules it needs.
 * Here only the public routes and the fallbacks; each module brings the rules of its own paths as
 * a {@link RouteRules} bean.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfiguration {

	/** Scripts only from this app: no inline script, no CDN. Inline styles are allowed for ECharts. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
			+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	public static final String LOGIN_USERNAME = "LOGIN_USERNAME";

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	AuthenticationManager authenticationManager(AccountUserDetailsService users, PasswordEncoder passwordEncoder,
			LoginAttempts attempts) {
		var passwordCheck = new DaoAuthenticationProvider(users);
		passwordCheck.setPasswordEncoder(passwordEncoder);
		return new ProviderManager(new ThrottledAuthenticationProvider(passwordCheck, attempts));
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationManager authenticationManager,
			List<RouteRules> moduleRules, AuditLog auditLog, Clock clock, SecondFactorSignIn secondFactor)
			throws Exception {
		http.authenticationManager(authenticationManager)
			.authorizeHttpRequests(requests -> {
				requests
					.requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error")
					.permitAll()
					// The actuator has a chain of its own (ActuatorSecurityConfiguration); none of it opens here.
					.requestMatchers("/actuator/**")
					.denyAll()
					// The admin area is the admins', before any module's rules: none can open it wider.
					.requestMatchers("/admin/**")
					.hasRole(Role.ADMIN.name());
				moduleRules.stream()
					.sorted(Comparator.comparingInt(RouteRules::order))
					.forEach(rules -> rules.configure(requests));
				requests.anyRequest().authenticated();
			})
			.formLogin(login -> login.loginPage("/login")
				.defaultSuccessUrl("/", false)
				.failureHandler(loginFailureHandler()))
			.logout(logout -> logout.logoutSuccessUrl("/login?logout")
				.addLogoutHandler((request, response, authentication) -> {
					if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
						auditLog.recordLogin(AuditAction.LOGOUT, user.getUsername(), user.regionCode(),
								AuditOutcome.SUCCESS, "退出登录");
					}
				}))
			.rememberMe(rememberMe -> rememberMe.disable())
			.sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
			// A session that lacks the second factor is sent to it; any other refusal is audited.
			.exceptionHandling(exceptions -> exceptions
				.defaultAccessDeniedHandlerFor(auditingAccessDeniedHandler(auditLog), AnyRequestMatcher.INSTANCE)
				.defaultDeniedHandlerForMissingAuthority(secondFactor.missingFactor(), SecondFactorSignIn.AUTHORITY))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions(frame -> frame.deny())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.addFilterBefore(new SessionLimitsFilter(clock), SecurityContextHolderFilter.class)
			.addFilterAfter(secondFactor.filter(), UsernamePasswordAuthenticationFilter.class)
			.addFilterAfter(new PasswordChangeRequiredFilter(), AuthorizationFilter.class);
		return http.build();
	}

	/**
	 * Sends the user back to the login page with one of two messages: locked, or "wrong name or
	 * password" for everything else (a disabled account included, so nothing tells which names exist).
	 * The name typed is kept for the form.
	 */
	private static AuthenticationFailureHandler loginFailureHandler() {
		return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) -> {
			var username = request.getParameter("username");
			if (username != null && username.length() <= 64) {
				request.getSession().setAttribute(LOGIN_USERNAME, username);
			}
			var target = exception instanceof LockedException ? "/login?locked" : "/login?error";
			response.sendRedirect(request.getContextPath() + target);
		};
	}

	private static AccessDeniedHandler auditingAccessDeniedHandler(AuditLog auditLog) {
		var errorPage = new AccessDeniedHandlerImpl();
		return (HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception) -> {
			if (request.getUserPrincipal() != null) {
				auditLog.recordDenied(AuditAction.ACCESS_DENIED, "Route", null,
						request.getMethod() + " " + request.getRequestURI());
			}
			errorPage.handle(request, response, exception);
		};
	}

}
