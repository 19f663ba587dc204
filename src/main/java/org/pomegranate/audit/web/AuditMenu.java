package org.pomegranate.audit.web;

import java.util.List;
import java.util.Set;

import org.pomegranate.shared.MenuContribution;
import org.pomegranate.shared.MenuEntry;
import org.springframework.stereotype.Component;

@Component
class AuditMenu implements MenuContribution {

	@Override
	public int order() {
		return 700;
	}

	@Override
	public List<MenuEntry> entries() {
		return List.of(new MenuEntry("menu.audit", "/admin/audit", Set.of("ADMIN")));
	}

}
