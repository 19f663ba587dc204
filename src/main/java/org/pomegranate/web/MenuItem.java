package org.pomegranate.web;

import java.util.List;
import java.util.Set;

import org.pomegranate.account.Role;

/**
 * An entry of the main menu, the roles that may use it, and its sub-entries. The same roles are
 * enforced by the URL rules and the services; the menu only spares users links that answer 403.
 */
public record MenuItem(String key, String href, Set<Role> roles, List<MenuItem> children) {

	private static final Set<Role> RECORD_KEEPERS = Set.of(Role.ADMIN, Role.SUPERVISOR, Role.STAFF);

	static final List<MenuItem> ALL = List.of(
			new MenuItem("menu.home", "/", Set.of(Role.values()), List.of()),
			new MenuItem("menu.pairing", "/coverage", RECORD_KEEPERS, List.of(
					new MenuItem("menu.coverage", "/coverage", RECORD_KEEPERS, List.of()),
					new MenuItem("menu.households", "/households", RECORD_KEEPERS, List.of()),
					new MenuItem("menu.cadres", "/cadres", RECORD_KEEPERS, List.of()),
					new MenuItem("menu.pairings", "/pairings", RECORD_KEEPERS, List.of()),
					new MenuItem("menu.visits", "/visits", RECORD_KEEPERS, List.of()),
					new MenuItem("menu.programs", "/programs", RECORD_KEEPERS, List.of()))),
			new MenuItem("menu.petitions", "/petitions", RECORD_KEEPERS, List.of(
					new MenuItem("menu.petitionLedger", "/petitions", RECORD_KEEPERS, List.of()),
					new MenuItem("menu.myPetitions", "/petitions/mine", RECORD_KEEPERS, List.of()),
					new MenuItem("menu.petitionFigures", "/petitions/figures", RECORD_KEEPERS, List.of()),
					new MenuItem("menu.backlog", "/petitions/backlog", RECORD_KEEPERS, List.of()),
					new MenuItem("menu.petitionCategories", "/petition-categories", Set.of(Role.ADMIN), List.of()),
					new MenuItem("menu.petitionDepartments", "/petition-departments", Set.of(Role.ADMIN), List.of()))),
			new MenuItem("menu.reports", "/reports", Set.of(Role.ADMIN), List.of()),
			new MenuItem("menu.regions", "/regions", RECORD_KEEPERS, List.of()),
			new MenuItem("menu.users", "/admin/users", Set.of(Role.ADMIN), List.of()),
			new MenuItem("menu.audit", "/admin/audit", Set.of(Role.ADMIN), List.of()));

	static List<MenuItem> forRole(Role role) {
		return ALL.stream()
			.filter(item -> item.roles().contains(role))
			.map(item -> new MenuItem(item.key(), item.href(), item.roles(),
					item.children().stream().filter(child -> child.roles().contains(role)).toList()))
			.toList();
	}

	/** Whether the page at {@code path} belongs to this entry, for highlighting it. */
	public boolean matches(String path) {
		if (href.equals("/")) {
			return path.equals("/");
		}
		return path.startsWith(href) || children.stream().anyMatch(child -> child.matches(path));
	}

}
