package org.pomegranate.region.web;

import java.util.List;
import java.util.Set;

import org.pomegranate.shared.MenuContribution;
import org.pomegranate.shared.MenuEntry;
import org.springframework.stereotype.Component;

@Component
class RegionMenu implements MenuContribution {

	@Override
	public int order() {
		return 500;
	}

	@Override
	public List<MenuEntry> entries() {
		return List.of(new MenuEntry("menu.regions", "/regions", Set.of("ADMIN", "SUPERVISOR", "STAFF")));
	}

}
