package org.pomegranate.unit.web;

import java.util.List;
import java.util.Set;

import org.pomegranate.shared.MenuContribution;
import org.pomegranate.shared.MenuEntry;
import org.springframework.stereotype.Component;

/** 示范命名 ▸ 命名列表, 命名名录, 申报, 命名批次, 即将到期, 回访抽查, 等级规则. */
@Component
class NamingMenu implements MenuContribution {

	private static final Set<String> RECORD_KEEPERS = Set.of("ADMIN", "SUPERVISOR", "STAFF");

	@Override
	public int order() {
		return 330;
	}

	@Override
	public List<MenuEntry> entries() {
		return List.of(new MenuEntry("menu.namings", "/namings", RECORD_KEEPERS, List.of(
				new MenuEntry("menu.namings.list", "/namings", RECORD_KEEPERS),
				new MenuEntry("menu.namingDirectory", "/namings/directory", RECORD_KEEPERS),
				new MenuEntry("menu.namings.new", "/namings/new", Set.of("ADMIN", "STAFF")),
				new MenuEntry("menu.namings.batches", "/naming-batches", RECORD_KEEPERS),
				new MenuEntry("menu.namings.due", "/namings/due", RECORD_KEEPERS),
				new MenuEntry("menu.namings.draws", "/naming-draws", Set.of("ADMIN", "SUPERVISOR")),
				new MenuEntry("menu.namings.rules", "/namings/rules", Set.of("ADMIN")))));
	}

}
