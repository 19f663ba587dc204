package org.pomegranate.shared;

import java.util.List;
import java.util.Set;

/**
 * An entry of the main menu: its message key, its link, the roles that see it (role names as in
 * {@code @PreAuthorize("hasRole('ADMIN')")}; the layout refuses a name that is not a role) and
 * its sub-entries. The roles are those the URL rules let open {@code href}, which
 * {@code AuthorizationMatrixTests} checks: the menu only spares users links that answer 403.
 */
public record MenuEntry(String key, String href, Set<String> roles, List<MenuEntry> children) {

	public MenuEntry {
		roles = Set.copyOf(roles);
		children = List.copyOf(children);
	}

	public MenuEntry(String key, String href, Set<String> roles) {
		this(key, href, roles, List.of());
	}

}
