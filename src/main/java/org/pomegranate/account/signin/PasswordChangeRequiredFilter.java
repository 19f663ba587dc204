package org.pomegranate.account.signin;

import org.pomegranate.account.CurrentUser;
import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A user whose password was set by an admin may do nothing but choose their own.
 */
public class PasswordChangeRequiredFilter extends OncePerRequestFilter {

	static final String CHANGE_PAGE = "/account/password";

	/** The second step and enrolment come first: the password page itself asks for the second factor. */
	private static final Set<String> ALLOWED = Set.of(CHANGE_PAGE, "/logout", "/error", "/login/second-factor",
			"/account/second-factor", "/account/second-factor/setup", "/account/second-factor/confirm",
			"/account/second-factor/recovery-codes");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user
				&& user.passwordChangeRequired() && !ALLOWED.contains(request.getServletPath())) {
			response.sendRedirect(request.getContextPath() + CHANGE_PAGE);
			return;
		}
		chain.doFilter(request, response);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		var path = request.getServletPath();
		return path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/")
				|| path.startsWith("/img/") || path.startsWith("/actuator/");
	}

}
