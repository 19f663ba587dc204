package org.pomegranate.assessment.web.framework;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.pomegranate.assessment.framework.EvidenceKind;
import org.pomegranate.assessment.framework.FrameworkAction;
import org.pomegranate.assessment.framework.FrameworkForms.NodeForm;
import org.pomegranate.assessment.framework.FrameworkLabels;
import org.pomegranate.assessment.framework.FrameworkService;
import org.pomegranate.assessment.framework.IndicatorFramework;
import org.pomegranate.assessment.framework.IndicatorNode;
import org.pomegranate.assessment.framework.LiveMetric;
import org.pomegranate.assessment.framework.NodeLevel;
import org.pomegranate.assessment.framework.RowsRefusedException;
import org.pomegranate.assessment.framework.ScoringMethod;
import org.pomegranate.assessment.framework.TestMethod;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.InvalidInputException;
import org.pomegranate.shared.StaleEdits;
import org.pomegranate.shared.TamperedFormException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The nodes of a draft: the form of a new one (a category, an item under a category, an article
 * under an item, an item of the 奖惩清单) and of an existing one, deleting, and moving one up or
 * down among its siblings. A refused form comes again (422) as typed, each problem beside its field.
 */
@Controller
class FrameworkNodeController {

	private final FrameworkService frameworks;

	private final FrameworkPage page;

	private final FrameworkLabels labels;

	FrameworkNodeController(FrameworkService frameworks, FrameworkPage page, FrameworkLabels labels) {
		this.frameworks = frameworks;
		this.page = page;
		this.labels = labels;
	}

	@GetMapping("/frameworks/{id}/nodes/new")
	String newNode(@PathVariable long id, @RequestParam(required = false) @Nullable NodeLevel level,
			@RequestParam(required = false) @Nullable String parent, Model model, RedirectAttributes redirect) {
		var framework = frameworks.get(id);
		var refused = frameworks.refusal(framework, FrameworkAction.EDIT);
		if (refused.isPresent()) {
			redirect.addFlashAttribute("failure", refused.get());
			return "redirect:/frameworks/" + id;
		}
		var chosen = level == null ? NodeLevel.CATEGORY : level;
		// A child names its parent: a parent that is not of the level above is no parent at all.
		var parentNode = parent == null ? null
				: frameworks.nodes(id).stream().filter(node -> node.getCode().equals(parent)).findFirst().orElse(null);
		var parentLevel = chosen.parentLevel().orElse(null);
		if (parentLevel != null && (parentNode == null || parentNode.getLevel() != parentLevel)) {
			return "redirect:/frameworks/" + id;
		}
		var parentCode = parentNode == null ? null : parentNode.getCode();
		model.addAttribute("form", NodeForm.child(chosen, parentCode, frameworks.nextCode(id, chosen, parentCode),
				framework.getVersion()));
		return formView(framework, null, parentNode, model, chosen);
	}

	@PostMapping("/frameworks/{id}/nodes")
	String add(@PathVariable long id, @ModelAttribute("form") NodeForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		var framework = frameworks.get(id);
		TamperedFormException.refuseUnreadable(result);
		try {
			var node = frameworks.addNode(id, form);
			redirect.addFlashAttribute("success", "framework.node.added");
			return "redirect:/frameworks/" + id + "#node-" + node.getId();
		}
		catch (RuntimeException ex) {
			refused(ex, result, model);
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		var parentNode = form.parent() == null ? null
				: frameworks.nodes(id).stream().filter(node -> node.getCode().equals(form.parent())).findFirst().orElse(null);
		return formView(framework, null, parentNode, model, form.level());
	}

	@GetMapping("/framework-nodes/{id}/edit")
	String edit(@PathVariable("id") long nodeId, Model model, RedirectAttributes redirect) {
		var node = frameworks.node(nodeId);
		long id = node.getFrameworkId();
		var framework = frameworks.get(id);
		var refused = frameworks.refusal(framework, FrameworkAction.EDIT);
		if (refused.isPresent()) {
			redirect.addFlashAttribute("failure", refused.get());
			return "redirect:/frameworks/" + id;
		}
		var parentNode = parentOf(id, node);
		model.addAttribute("form", NodeForm.of(node, parentNode == null ? null : parentNode.getCode(), framework.getVersion()));
		return formView(framework, node, parentNode, model, node.getLevel());
	}

	@PostMapping("/framework-nodes/{id}")
	String change(@PathVariable("id") long nodeId, @ModelAttribute("form") NodeForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		var node = frameworks.node(nodeId);
		long id = node.getFrameworkId();
		var framework = frameworks.get(id);
		TamperedFormException.refuseUnreadable(result);
		try {
			frameworks.changeNode(nodeId, form);
			redirect.addFlashAttribute("success", "framework.node.changed");
			return "redirect:/frameworks/" + id + "#node-" + nodeId;
		}
		catch (RuntimeException ex) {
			refused(ex, result, model);
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return formView(framework, node, parentOf(id, node), model, node.getLevel());
	}

	@PostMapping("/framework-nodes/{id}/delete")
	String delete(@PathVariable("id") long nodeId, @RequestParam(required = false) @Nullable Long version, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		long id = frameworks.node(nodeId).getFrameworkId();
		try {
			frameworks.deleteNode(nodeId, StaleEdits.versionOf(version));
			redirect.addFlashAttribute("success", "framework.node.deleted");
			return "redirect:/frameworks/" + id;
		}
		catch (BusinessRuleException | OptimisticLockingFailureException ex) {
			model.addAttribute("failureText", page.refusal(ex));
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page.show(id, model);
	}

	@PostMapping("/framework-nodes/{id}/move")
	String move(@PathVariable("id") long nodeId, @RequestParam(defaultValue = "up") String direction,
			@RequestParam(required = false) @Nullable Long version, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		long id = frameworks.node(nodeId).getFrameworkId();
		try {
			frameworks.moveNode(nodeId, !"down".equals(direction), StaleEdits.versionOf(version));
			return "redirect:/frameworks/" + id + "#node-" + nodeId;
		}
		catch (BusinessRuleException | OptimisticLockingFailureException ex) {
			model.addAttribute("failureText", page.refusal(ex));
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page.show(id, model);
	}

	/** Puts a refusal where the user reads it: rows' and fields' problems beside their fields, the rest above the form. */
	private void refused(RuntimeException ex, BindingResult result, Model model) {
		if (ex instanceof RowsRefusedException rows) {
			for (var problem : rows.problems()) {
				if (problem.column() == null) {
					result.reject(problem.key(), problem.getArguments(), labels.of(problem));
				}
				else {
					result.rejectValue(problem.column().field(), problem.key(), problem.getArguments(), labels.of(problem));
				}
			}
			return;
		}
		if (ex instanceof InvalidInputException invalid) {
			invalid.addTo(result);
			return;
		}
		if (ex instanceof BusinessRuleException || ex instanceof OptimisticLockingFailureException) {
			model.addAttribute("failureText", page.refusal(ex));
			return;
		}
		throw ex;
	}

	private @Nullable IndicatorNode parentOf(long id, IndicatorNode node) {
		return node.getParentId() == null ? null
				: frameworks.nodes(id).stream().filter(other -> other.getId().equals(node.getParentId())).findFirst().orElse(null);
	}

	private String formView(IndicatorFramework framework, @Nullable IndicatorNode node, @Nullable IndicatorNode parent,
			Model model, @Nullable NodeLevel level) {
		model.addAttribute("framework", framework);
		model.addAttribute("level", level == null ? NodeLevel.CATEGORY : level);
		model.addAttribute("node", node);
		model.addAttribute("parentNode", parent);
		model.addAttribute("evidenceKinds", EvidenceKind.values());
		model.addAttribute("testMethods", TestMethod.values());
		model.addAttribute("scoringMethods", ScoringMethod.values());
		model.addAttribute("metrics", LiveMetric.values());
		return "assessment/framework/node-form";
	}

}
