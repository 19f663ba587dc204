package org.pomegranate.unit.web;

import java.util.List;
import java.util.Set;

import org.pomegranate.shared.MenuContribution;
import org.pomegranate.shared.MenuEntry;
import org.springframework.stereotype.Component;

/** 命名名录: the list of the titles held in the user's region, for every record keeper. */
@Component
class DirectoryMenu implements MenuContribution {

	@Override
	public int order() {
		return 355;
	}

	@Override
	public List<MenuEntry> entries() {
		return List.of(new MenuEntry("menu.namingDirectory", "/namings/directory", Set.of("ADMIN", "SUPERVISOR", "STAFF")));
	}

}
