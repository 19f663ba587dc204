package org.pomegranate.supervision;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Signs a demo user in on this thread, as a request would, for tests that call the services. */
final class SupervisionSignIn {

	private SupervisionSignIn() {
	}

	static void as(UserDetailsService users, String username) {
		var user = users.loadUserByUsername(username);
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
	}

	static void out() {
		SecurityContextHolder.clearContext();
	}

}
