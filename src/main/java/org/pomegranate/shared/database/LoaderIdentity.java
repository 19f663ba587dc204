package org.pomegranate.shared.database;

import java.util.List;
import java.util.function.Supplier;

import org.pomegranate.shared.ScopedPrincipal;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who a loader is while it runs without a signed-in user (the demo data at start-up): an admin
 * of one region, so that it reads other modules through their APIs under the same scope and
 * role rules as a person would, instead of reading their tables.
 */
public final class LoaderIdentity {

	/** The province the demo data lies in (四川省): its admin sees every demo record. */
	private static final String PROVINCE = "51";

	private LoaderIdentity() {
	}

	/**
	 * Runs {@code work} as the admin of {@code regionCode}, named {@code username}, in a security
	 * context of its own on this thread, then clears it. Refused where someone is signed in: a
	 * request never becomes a loader.
	 */
	public static <T> T asAdminOf(String regionCode, String username, Supplier<T> work) {
		var current = SecurityContextHolder.getContext().getAuthentication();
		if (current != null && current.isAuthenticated()) {
			throw new IllegalStateException("A loader runs without a signed-in user, not as " + current.getName());
		}
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
				new LoaderPrincipal(username, regionCode), null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	/**
	 * Loads a module's demo data once: when {@code countSql} (the module's own table) finds no row,
	 * runs {@code load} in one transaction as the province's admin, so that it reads other modules
	 * through their APIs.
	 */
	public static void loadOnce(JdbcTemplate jdbc, String countSql, TransactionTemplate transaction, Runnable load) {
		Integer existing = jdbc.queryForObject(countSql, Integer.class);
		if (existing != null && existing > 0) {
			return;
		}
		asAdminOf(PROVINCE, "demo", () -> transaction.execute(status -> {
			load.run();
			return null;
		}));
	}

	private record LoaderPrincipal(String getUsername, String regionCode) implements ScopedPrincipal {
	}

}
