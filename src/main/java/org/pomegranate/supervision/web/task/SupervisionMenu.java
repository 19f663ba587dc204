package org.pomegranate.supervision.web.task;

import java.util.List;
import java.util.Set;

import org.pomegranate.shared.MenuContribution;
import org.pomegranate.shared.MenuEntry;
import org.springframework.stereotype.Component;

/** 任务督办 ▸ 我的任务, 实施方案, 任务清单, 任务统计. */
@Component
class SupervisionMenu implements MenuContribution {

	private static final Set<String> READERS = Set.of("ADMIN", "SUPERVISOR", "STAFF");

	@Override
	public int order() {
		return 360;
	}

	@Override
	public List<MenuEntry> entries() {
		return List.of(new MenuEntry("menu.tasks", "/plans", READERS, List.of(
				new MenuEntry("menu.tasks.inbox", "/tasks/inbox", Set.of("ADMIN", "STAFF")),
				new MenuEntry("menu.tasks.plans", "/plans", READERS),
				new MenuEntry("menu.tasks.lists", "/tasks/lists", Set.of("ADMIN", "SUPERVISOR")),
				new MenuEntry("menu.tasks.figures", "/tasks/figures", Set.of("ADMIN", "SUPERVISOR")))));
	}

}
