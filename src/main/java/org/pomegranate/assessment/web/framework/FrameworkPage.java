package org.pomegranate.assessment.web.framework;

import java.util.List;

import org.pomegranate.assessment.framework.FrameworkForms.SettingsForm;
import org.pomegranate.assessment.framework.FrameworkLabels;
import org.pomegranate.assessment.framework.FrameworkService;
import org.pomegranate.assessment.framework.LiveMetric;
import org.pomegranate.assessment.framework.RowsRefusedException;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.InvalidInputException;
import org.pomegranate.shared.RegionLevel;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * A version's page, shared by the requests that show it again after a refused step: the tree
 * with its sums, the problems, the versions, and for a draft the editor's controls and forms,
 * all as the service's permissions allow.
 */
@Component
class FrameworkPage {

	private final FrameworkService frameworks;

	private final RegionService regions;

	private final FrameworkLabels labels;

	FrameworkPage(FrameworkService frameworks, RegionService regions, FrameworkLabels labels) {
		this.frameworks = frameworks;
		this.regions = regions;
		this.labels = labels;
	}

	String show(long id, Model model) {
		var tree = frameworks.tree(id);
		var framework = tree.framework();
		var may = frameworks.permissions(framework);
		model.addAttribute("framework", framework);
		model.addAttribute("tree", tree);
		model.addAttribute("may", may);
		model.addAttribute("versions", frameworks.versions(id));
		model.addAttribute("issuerName", regions.names(List.of(framework.getIssuerRegionCode())).get(framework.getIssuerRegionCode()));
		model.addAttribute("problems", tree.problems().stream().map(labels::of).toList());
		model.addAttribute("metrics", LiveMetric.values());
		model.addAttribute("regionLevels", List.of(RegionLevel.COUNTY, RegionLevel.PREFECTURE, RegionLevel.PROVINCE));
		if (may.edit() && !model.containsAttribute("settingsForm")) {
			model.addAttribute("settingsForm", SettingsForm.of(framework));
		}
		return "assessment/framework/show";
	}

	/** The page of a new draft: its form (in the model already) and the import beside it. */
	String newFramework(Model model) {
		model.addAttribute("kinds", org.pomegranate.assessment.framework.FrameworkKind.values());
		model.addAttribute("regionLevels", List.of(RegionLevel.COUNTY, RegionLevel.PREFECTURE, RegionLevel.PROVINCE));
		model.addAttribute("may", frameworks.permissions());
		return "assessment/framework/new";
	}

	/** A refused step as one sentence for the page's alert. */
	String refusal(RuntimeException ex) {
		if (ex instanceof RowsRefusedException rows) {
			return labels.of(rows.problems().get(0));
		}
		if (ex instanceof InvalidInputException invalid) {
			return labels.text(invalid.firstProblem());
		}
		if (ex instanceof BusinessRuleException rule) {
			return labels.text(rule.messageKey(), rule.arguments());
		}
		if (ex instanceof OptimisticLockingFailureException) {
			return labels.text("framework.refused.stale");
		}
		throw ex;
	}

	/** Every problem of a refused import, each with its sheet, row and column. */
	List<String> problems(RowsRefusedException ex) {
		return ex.problems().stream().map(labels::of).toList();
	}

}
