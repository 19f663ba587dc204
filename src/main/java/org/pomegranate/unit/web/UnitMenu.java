package org.pomegranate.unit.web;

import java.util.List;
import java.util.Set;

import org.pomegranate.shared.MenuContribution;
import org.pomegranate.shared.MenuEntry;
import org.springframework.stereotype.Component;

/** 创建单位 ▸ 单位名录, 石榴籽网络. */
@Component
class UnitMenu implements MenuContribution {

	private static final Set<String> RECORD_KEEPERS = Set.of("ADMIN", "SUPERVISOR", "STAFF");

	@Override
	public int order() {
		return 320;
	}

	@Override
	public List<MenuEntry> entries() {
		return List.of(new MenuEntry("menu.units", "/units", RECORD_KEEPERS,
				List.of(new MenuEntry("menu.units.list", "/units", RECORD_KEEPERS),
						new MenuEntry("menu.units.network", "/units/network", RECORD_KEEPERS))));
	}

}
