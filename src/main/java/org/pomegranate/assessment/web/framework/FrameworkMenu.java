package org.pomegranate.assessment.web.framework;

import java.util.List;
import java.util.Set;

import org.pomegranate.shared.MenuContribution;
import org.pomegranate.shared.MenuEntry;
import org.springframework.stereotype.Component;

/** 测评 ▸ 测评申报, 测评指标: the one menu bean of the assessment module (its other pages add their entries here). */
@Component
class FrameworkMenu implements MenuContribution {

	private static final Set<String> RECORD_KEEPERS = Set.of("ADMIN", "SUPERVISOR", "STAFF");

	@Override
	public int order() {
		return 340;
	}

	@Override
	public List<MenuEntry> entries() {
		return List.of(new MenuEntry("menu.assessment", "/assessments", RECORD_KEEPERS,
				List.of(new MenuEntry("menu.assessments", "/assessments", RECORD_KEEPERS),
						new MenuEntry("menu.frameworks", "/frameworks", RECORD_KEEPERS))));
	}

}
