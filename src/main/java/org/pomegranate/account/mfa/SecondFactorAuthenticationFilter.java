package org.pomegranate.account.mfa;

import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.pomegranate.account.CurrentUser;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * {@code POST /login/second-factor}: the second step of sign-in. Only a session signed in with a
 * password gets this far; a code that holds adds the second factor to it (multi-factor merge) and
 * goes on to the page first asked for; one that does not goes back to the step with a message.
 */
final class SecondFactorAuthenticationFilter extends AbstractAuthenticationProcessingFilter {

	static final String STEP_PAGE = "/login/second-factor";

	SecondFactorAuthenticationFilter(SecondFactorService service) {
		super(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, STEP_PAGE),
				new ProviderManager(new SecondFactorAuthenticationProvider(service)));
		setMfaEnabled(true);
		setSecurityContextRepository(new DelegatingSecurityContextRepository(
				new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository()));
		setSessionAuthenticationStrategy(new ChangeSessionIdAuthenticationStrategy());
		var success = new SavedRequestAwareAuthenticationSuccessHandler();
		success.setDefaultTargetUrl("/");
		setAuthenticationSuccessHandler(success);
		setAuthenticationFailureHandler((request, response, exception) -> {
			var query = !(exception instanceof SecondFactorRefusedException refused) ? null
					: switch (refused.outcome()) {
						case LOCKED -> "locked";
						case REPLAYED -> "replayed";
						default -> "error";
					};
			response.sendRedirect(request.getContextPath() + (query == null ? "/login" : STEP_PAGE + "?" + query));
		});
	}

	@Override
	public Authentication attemptAuthentication(HttpServletRequest request, HttpServletResponse response) {
		var current = SecurityContextHolder.getContext().getAuthentication();
		if (current == null || !(current.getPrincipal() instanceof CurrentUser user) || current.getAuthorities()
			.stream()
			.noneMatch(a -> FactorGrantedAuthority.PASSWORD_AUTHORITY.equals(a.getAuthority()))) {
			throw new AuthenticationCredentialsNotFoundException("Sign in with the password first");
		}
		var recoveryCode = request.getParameter("recoveryCode");
		var offered = recoveryCode != null
				? new SecondFactorCode(user, recoveryCode, SecondFactorCode.Kind.RECOVERY_CODE)
				: new SecondFactorCode(user, Objects.requireNonNullElse(request.getParameter("code"), ""),
						SecondFactorCode.Kind.AUTHENTICATOR);
		return getAuthenticationManager().authenticate(offered);
	}

}
