package org.pomegranate.shared.database;

import java.util.List;
import java.util.function.Supplier;

import org.pomegranate.shared.ScopedPrincipal;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who a loader is while it runs without a signed-in user (the demo data at start-up): an admin
 * of one region, so that it reads other modules through their APIs under the same scope and
 * role rules as a person would, instead of reading their tables.
 */
public final class LoaderIdentity {

	private LoaderIdentity() {
	}

	/** Runs {@code work} as the admin of {@code regionCode}, named {@code username}, then signs out again. */
	public static <T> T asAdminOf(String regionCode, String username, Supplier<T> work) {
		var context = SecurityContextHolder.getContext();
		var before = context.getAuthentication();
		var principal = new LoaderPrincipal(username, regionCode);
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
				List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
		try {
			return work.get();
		}
		finally {
			context.setAuthentication(before);
		}
	}

	private record LoaderPrincipal(String getUsername, String regionCode) implements ScopedPrincipal {
	}

}
