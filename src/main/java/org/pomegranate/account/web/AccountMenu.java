package org.pomegranate.account.web;

import org.pomegranate.account.Role;
import java.util.List;
import java.util.Set;

import org.pomegranate.shared.MenuContribution;
import org.pomegranate.shared.MenuEntry;
import org.springframework.stereotype.Component;

@Component
class AccountMenu implements MenuContribution {

	@Override
	public int order() {
		return 600;
	}

	@Override
	public List<MenuEntry> entries() {
		return List.of(new MenuEntry("menu.users", "/admin/users", Set.of(Role.ADMIN.name())));
	}

}
