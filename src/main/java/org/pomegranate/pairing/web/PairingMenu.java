package org.pomegranate.pairing.web;

import java.util.List;
import java.util.Set;

import org.pomegranate.shared.MenuContribution;
import org.pomegranate.shared.MenuEntry;
import org.springframework.stereotype.Component;

@Component
class PairingMenu implements MenuContribution {

	private static final Set<String> RECORD_KEEPERS = Set.of("ADMIN", "SUPERVISOR", "STAFF");

	@Override
	public int order() {
		return 200;
	}

	@Override
	public List<MenuEntry> entries() {
		return List.of(new MenuEntry("menu.pairing", "/coverage", RECORD_KEEPERS, List.of(
				new MenuEntry("menu.coverage", "/coverage", RECORD_KEEPERS),
				new MenuEntry("menu.households", "/households", RECORD_KEEPERS),
				new MenuEntry("menu.cadres", "/cadres", RECORD_KEEPERS),
				new MenuEntry("menu.pairings", "/pairings", RECORD_KEEPERS),
				new MenuEntry("menu.visits", "/visits", RECORD_KEEPERS),
				new MenuEntry("menu.programs", "/programs", RECORD_KEEPERS),
				new MenuEntry("menu.transfers", "/transfers", Set.of("ADMIN")))));
	}

}
