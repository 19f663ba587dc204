package org.pomegranate.account.web;

import java.util.List;
import java.util.Set;

import org.pomegranate.account.Role;
import org.pomegranate.shared.MenuContribution;
import org.pomegranate.shared.MenuEntry;
import org.springframework.stereotype.Component;

@Component
class SecondFactorMenu implements MenuContribution {

	@Override
	public int order() {
		return 610;
	}

	@Override
	public List<MenuEntry> entries() {
		return List.of(
				new MenuEntry("menu.secondFactor", "/account/second-factor", Set.of(Role.ADMIN.name(), Role.SUPERVISOR.name())),
				new MenuEntry("menu.secondFactorRegions", "/admin/second-factor", Set.of(Role.ADMIN.name())));
	}

}
