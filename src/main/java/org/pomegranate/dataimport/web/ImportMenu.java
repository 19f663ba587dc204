package org.pomegranate.dataimport.web;

import java.util.List;
import java.util.Set;

import org.pomegranate.shared.MenuContribution;
import org.pomegranate.shared.MenuEntry;
import org.springframework.stereotype.Component;

/** 数据导入, for the staff and admins who bring their ledgers in. */
@Component
class ImportMenu implements MenuContribution {

	@Override
	public int order() {
		return 370;
	}

	@Override
	public List<MenuEntry> entries() {
		return List.of(new MenuEntry("menu.imports", "/imports", Set.of("ADMIN", "STAFF")));
	}

}
