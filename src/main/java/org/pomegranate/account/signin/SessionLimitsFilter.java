package org.pomegranate.account.signin;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The absolute session limit: whatever the activity, a session older than 12 hours ends and the
 * user signs in again. (The 30-minute idle limit is the session store's own timeout.)
 */
public class SessionLimitsFilter extends OncePerRequestFilter {

	static final Duration ABSOLUTE_TIMEOUT = Duration.ofHours(12);

	private final Clock clock;

	SessionLimitsFilter(Clock clock) {
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var session = request.getSession(false);
		if (session != null && clock.millis() - session.getCreationTime() > ABSOLUTE_TIMEOUT.toMillis()) {
			session.invalidate();
			response.sendRedirect(request.getContextPath() + "/login?expired");
			return;
		}
		chain.doFilter(request, response);
	}

}
