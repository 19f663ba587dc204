package org.pomegranate.account.web;

import java.util.List;
import java.util.Set;

import org.pomegranate.account.Role;
import org.pomegranate.shared.MenuContribution;
import org.pomegranate.shared.MenuEntry;
import org.springframework.stereotype.Component;

/** The admins' page of the regions whose supervisors must use a second factor; one's own is beside 修改密码. */
@Component
class SecondFactorMenu implements MenuContribution {

	@Override
	public int order() {
		return 610;
	}

	@Override
	public List<MenuEntry> entries() {
		return List.of(new MenuEntry("menu.secondFactorRegions", "/admin/second-factor", Set.of(Role.ADMIN.name())));
	}

}
