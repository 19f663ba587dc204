package org.pomegranate.activity.web;

import java.util.List;
import java.util.Set;

import org.pomegranate.shared.MenuContribution;
import org.pomegranate.shared.MenuEntry;
import org.springframework.stereotype.Component;

/** 活动台账 ▸ 活动列表, 登记活动, 活动统计. */
@Component
class ActivityMenu implements MenuContribution {

	private static final Set<String> READERS = Set.of("ADMIN", "SUPERVISOR", "STAFF");

	@Override
	public int order() {
		return 350;
	}

	@Override
	public List<MenuEntry> entries() {
		return List.of(new MenuEntry("menu.activities", "/activities", READERS,
				List.of(new MenuEntry("menu.activities.list", "/activities", READERS),
						new MenuEntry("menu.activities.new", "/activities/new", Set.of("ADMIN", "STAFF")),
						new MenuEntry("menu.activities.figures", "/activities/figures", READERS))));
	}

}
