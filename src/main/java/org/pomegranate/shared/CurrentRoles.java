package org.pomegranate.shared;

import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Whether the signed-in user holds one of some roles: the test {@code @PreAuthorize("hasAnyRole(…)")}
 * makes, for the services' {@code permissions()} that tell a page what the user may do, so that a
 * template never compares roles itself.
 */
public final class CurrentRoles {

	private CurrentRoles() {
	}

	/** True when the signed-in user has one of {@code roles} (names without {@code ROLE_}). */
	public static boolean anyOf(String... roles) {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null) {
			return false;
		}
		var wanted = Set.of(roles);
		return authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(authority -> authority != null && authority.startsWith("ROLE_")
					&& wanted.contains(authority.substring("ROLE_".length())));
	}

}
