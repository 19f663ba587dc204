package org.pomegranate.report.web;

import java.util.List;
import java.util.Set;

import org.pomegranate.account.Role;
import org.pomegranate.shared.MenuContribution;
import org.pomegranate.shared.MenuEntry;
import org.springframework.stereotype.Component;

@Component
class ReportMenu implements MenuContribution {

	@Override
	public int order() {
		return 400;
	}

	@Override
	public List<MenuEntry> entries() {
		return List.of(new MenuEntry("menu.reports", "/reports", Set.of(Role.ADMIN.name())));
	}

}
