package org.pomegranate.supervision.inspection.web;

import java.util.List;
import java.util.Set;

import org.pomegranate.shared.MenuContribution;
import org.pomegranate.shared.MenuEntry;
import org.springframework.stereotype.Component;

/** 督查整改 ▸ 督查, 整改台账, 整改待办, 通报, 督查统计. */
@Component
class InspectionMenu implements MenuContribution {

	private static final Set<String> RECORD_KEEPERS = Set.of("ADMIN", "SUPERVISOR", "STAFF");

	@Override
	public int order() {
		return 365;
	}

	@Override
	public List<MenuEntry> entries() {
		return List.of(new MenuEntry("menu.inspection", "/rectifications/inbox", RECORD_KEEPERS, List.of(
				new MenuEntry("menu.inspection.inbox", "/rectifications/inbox", RECORD_KEEPERS),
				new MenuEntry("menu.inspection.inspections", "/inspections", RECORD_KEEPERS),
				new MenuEntry("menu.inspection.ledger", "/rectifications", RECORD_KEEPERS),
				new MenuEntry("menu.inspection.notices", "/notices", RECORD_KEEPERS),
				new MenuEntry("menu.inspection.figures", "/inspections/figures", RECORD_KEEPERS))));
	}

}
