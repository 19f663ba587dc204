package org.pomegranate.web;

import java.util.List;
import java.util.Set;

import org.pomegranate.account.Role;

/**
 * An entry of the main menu and the roles that may use it. The same roles are enforced by the
 * URL rules and the services; the menu only spares users links that would answer 403.
 */
public record MenuItem(String key, String href, Set<Role> roles) {

	static final List<MenuItem> ALL = List.of(
			new MenuItem("menu.home", "/", Set.of(Role.values())),
			new MenuItem("menu.regions", "/regions", Set.of(Role.ADMIN, Role.SUPERVISOR, Role.STAFF)),
			new MenuItem("menu.users", "/admin/users", Set.of(Role.ADMIN)),
			new MenuItem("menu.audit", "/admin/audit", Set.of(Role.ADMIN)));

	static List<MenuItem> forRole(Role role) {
		return ALL.stream().filter(item -> item.roles().contains(role)).toList();
	}

}
