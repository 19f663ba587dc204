package org.pomegranate.assessment.web.holder;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.pomegranate.assessment.workflow.AssessmentDecisions;
import org.pomegranate.assessment.workflow.AssessmentSheets;
import org.pomegranate.assessment.workflow.DecisionForms.AdoptForm;
import org.pomegranate.assessment.workflow.DecisionForms.AppealForm;
import org.pomegranate.shared.BusinessRuleException;
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
 * 评估结果与确认: the evaluator's scores beside the holder's, the appeals the holder writes within
 * the window, and the approval levels' adopted scores and confirmations, bottom-up.
 */
@Controller
class DecisionController {

	private final AssessmentDecisions decisions;

	private final AssessmentSheets sheets;

	private final AssessmentLabels labels;

	DecisionController(AssessmentDecisions decisions, AssessmentSheets sheets, AssessmentLabels labels) {
		this.decisions = decisions;
		this.sheets = sheets;
		this.labels = labels;
	}

	@GetMapping("/assessments/{id}/decision")
	String show(@PathVariable long id, Model model) {
		var sheet = sheets.sheet(id);
		model.addAttribute("sheet", sheet);
		model.addAttribute("assessment", sheet.assessment());
		model.addAttribute("allowed", decisions.allowed(id));
		return "assessment/holder/decision";
	}

	@PostMapping("/assessments/{id}/nodes/{nodeId}/appeal")
	String appeal(@PathVariable long id, @PathVariable long nodeId, @ModelAttribute("appealForm") AppealForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return step(id, nodeId, model, redirect, response, "assessment.decision.appealed",
				() -> {
					TamperedFormException.refuseUnreadable(result);
					decisions.appeal(id, nodeId, form);
				});
	}

	@PostMapping("/assessments/{id}/nodes/{nodeId}/adopt")
	String adopt(@PathVariable long id, @PathVariable long nodeId, @ModelAttribute("adoptForm") AdoptForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return step(id, nodeId, model, redirect, response, "assessment.decision.adopted.done",
				() -> {
					TamperedFormException.refuseUnreadable(result);
					decisions.adopt(id, nodeId, form);
				});
	}

	@PostMapping("/assessments/{id}/appeals")
	String fileAppeals(@PathVariable long id, @RequestParam(required = false) @Nullable Long version, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return step(id, null, model, redirect, response, "assessment.decision.filed",
				() -> decisions.fileAppeals(id, StaleEdits.versionOf(version)));
	}

	@PostMapping("/assessments/{id}/waive-appeal")
	String waiveAppeal(@PathVariable long id, @RequestParam(required = false) @Nullable Long version, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return step(id, null, model, redirect, response, "assessment.decision.waived",
				() -> decisions.waiveAppeal(id, StaleEdits.versionOf(version)));
	}

	@PostMapping("/assessments/{id}/confirm")
	String confirm(@PathVariable long id, @RequestParam(required = false) @Nullable Long version, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return step(id, null, model, redirect, response, "assessment.decision.confirmed",
				() -> decisions.confirm(id, StaleEdits.versionOf(version)));
	}

	/**
	 * One step: done, back to the page (at the node's row when it concerns one) with its message;
	 * refused, the page again (422) with why and what was typed. The 404 of an assessment the user
	 * may not see comes first, before any form is read.
	 */
	private String step(long id, @Nullable Long nodeId, Model model, RedirectAttributes redirect,
			HttpServletResponse response, String done, Runnable action) {
		sheets.sheet(id);
		try {
			action.run();
			redirect.addFlashAttribute("success", done);
			return "redirect:/assessments/" + id + "/decision" + (nodeId == null ? "" : "#node-" + nodeId);
		}
		catch (BusinessRuleException | OptimisticLockingFailureException ex) {
			model.addAttribute("failureText", labels.refusal(ex));
		}
		return again(id, nodeId, model, response);
	}

	/** The page again after a refused step, 422, with what was typed (the form beside its row). */
	private String again(long id, @Nullable Long nodeId, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("formNode", nodeId);
		return show(id, model);
	}

}
