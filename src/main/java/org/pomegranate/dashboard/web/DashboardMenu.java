package org.pomegranate.dashboard.web;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.pomegranate.account.Role;
import org.pomegranate.shared.MenuContribution;
import org.pomegranate.shared.MenuEntry;
import org.springframework.stereotype.Component;

/** The home page, first in the menu, for every role. */
@Component
class DashboardMenu implements MenuContribution {

	@Override
	public int order() {
		return 100;
	}

	@Override
	public List<MenuEntry> entries() {
		var everyone = Arrays.stream(Role.values()).map(Role::name).collect(Collectors.toSet());
		return List.of(new MenuEntry("menu.home", "/", everyone));
	}

}
