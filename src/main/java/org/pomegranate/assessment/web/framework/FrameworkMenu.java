package org.pomegranate.assessment.web.framework;

import java.util.List;
import java.util.Set;

import org.pomegranate.shared.MenuContribution;
import org.pomegranate.shared.MenuEntry;
import org.springframework.stereotype.Component;

/** 测评 ▸ 测评申报, 测评总览, 佐证材料库, 测评指标, 评估机构, and a reviewer's 我的评估任务: the one menu bean of the assessment module (its other pages add their entries here). */
@Component
class FrameworkMenu implements MenuContribution {

	private static final Set<String> RECORD_KEEPERS = Set.of("ADMIN", "SUPERVISOR", "STAFF");

	private static final Set<String> ADMINS = Set.of("ADMIN");

	private static final Set<String> REVIEWERS = Set.of("REVIEWER");

	@Override
	public int order() {
		return 340;
	}

	@Override
	public List<MenuEntry> entries() {
		return List.of(
				new MenuEntry("menu.assessment", "/assessments", RECORD_KEEPERS,
						List.of(new MenuEntry("menu.assessments", "/assessments", RECORD_KEEPERS),
								new MenuEntry("menu.assessmentOverview", "/assessment-overview", RECORD_KEEPERS),
								new MenuEntry("menu.evidence", "/evidence", RECORD_KEEPERS),
								new MenuEntry("menu.frameworks", "/frameworks", RECORD_KEEPERS),
								new MenuEntry("menu.institutions", "/institutions", ADMINS))),
				new MenuEntry("menu.reviews", "/reviews", REVIEWERS));
	}

}
