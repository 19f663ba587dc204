package org.pomegranate.web;

import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.pomegranate.account.Role;
import org.pomegranate.shared.MenuContribution;
import org.pomegranate.shared.MenuEntry;

/**
 * An entry of the main menu, the roles that may use it, and its sub-entries. The same roles are
 * enforced by the URL rules and the services; the menu only spares users links that answer 403.
 * The entries come from the modules' {@link MenuContribution}s.
 */
public record MenuItem(String key, String href, Set<Role> roles, List<MenuItem> children) {

	/** Every module's entries, in the contributions' order. */
	static List<MenuItem> of(Collection<MenuContribution> contributions) {
		return contributions.stream()
			.sorted(Comparator.comparingInt(MenuContribution::order))
			.flatMap(contribution -> contribution.entries().stream())
			.map(MenuItem::of)
			.toList();
	}

	/** A module's entry, its role names checked against the roles there are (a typo fails at start). */
	static MenuItem of(MenuEntry entry) {
		var roles = EnumSet.noneOf(Role.class);
		for (String name : entry.roles()) {
			try {
				roles.add(Role.valueOf(name));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("Menu entry " + entry.key() + " names no role: " + name, ex);
			}
		}
		return new MenuItem(entry.key(), entry.href(), Set.copyOf(roles),
				entry.children().stream().map(MenuItem::of).toList());
	}

	static List<MenuItem> forRole(List<MenuItem> all, Role role) {
		return all.stream()
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
