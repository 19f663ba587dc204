package org.pomegranate.assessment.web.review;

import jakarta.servlet.http.HttpServletResponse;
import org.pomegranate.assessment.workflow.EvaluatingInstitutions;
import org.pomegranate.assessment.workflow.ReviewForms.AttachReviewerForm;
import org.pomegranate.assessment.workflow.ReviewForms.InstitutionForm;
import org.pomegranate.assessment.workflow.ReviewerAssignments;
import org.pomegranate.region.Region;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.InvalidInputException;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.shared.SubmissionTokens;
import org.pomegranate.shared.TamperedFormException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 评估机构: the admin's list of institutions with the handed-in assessments of their region (each
 * linking to its assignments), registering an institution, and attaching or detaching its reviewers.
 */
@Controller
class InstitutionController {

	private final EvaluatingInstitutions institutions;

	private final ReviewerAssignments assignments;

	private final ReviewLabels labels;

	private final RegionService regions;

	private final RegionScope scope;

	InstitutionController(EvaluatingInstitutions institutions, ReviewerAssignments assignments, ReviewLabels labels,
			RegionService regions, RegionScope scope) {
		this.institutions = institutions;
		this.assignments = assignments;
		this.labels = labels;
		this.regions = regions;
		this.scope = scope;
	}

	@GetMapping("/institutions")
	String list(Model model) {
		if (!model.containsAttribute("form")) {
			var empty = InstitutionForm.empty(scope.prefix());
			model.addAttribute("form", new InstitutionForm(SubmissionTokens.fresh(), empty.name(), empty.regionCode()));
		}
		model.addAttribute("institutions", institutions.list());
		model.addAttribute("handedIn", assignments.handedIn());
		var options = new java.util.ArrayList<Region>();
		regions.find(scope.prefix()).ifPresent(options::add);
		options.addAll(regions.activeChildren(scope.prefix()));
		model.addAttribute("regionOptions", options);
		return "assessment/review/institutions";
	}

	@PostMapping("/institutions")
	String register(@ModelAttribute("form") InstitutionForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		TamperedFormException.refuseUnreadable(result);
		try {
			var institution = institutions.register(form);
			redirect.addFlashAttribute("success", "review.institution.registered");
			return "redirect:/institutions/" + institution.getId();
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
		}
		catch (BusinessRuleException ex) {
			model.addAttribute("failureText", labels.refusal(ex));
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return list(model);
	}

	@GetMapping("/institutions/{id}")
	String show(@PathVariable long id, Model model) {
		var institution = institutions.get(id);
		model.addAttribute("institution", institution);
		model.addAttribute("regionName", institutions.regionName(institution.getRegionCode()));
		model.addAttribute("reviewers", institutions.reviewers(id));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new AttachReviewerForm(null));
		}
		return "assessment/review/institution";
	}

	@PostMapping("/institutions/{id}/reviewers")
	String attach(@PathVariable long id, @ModelAttribute("form") AttachReviewerForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		institutions.get(id);
		TamperedFormException.refuseUnreadable(result);
		try {
			institutions.attach(id, form);
			redirect.addFlashAttribute("success", "review.institution.attached");
			return "redirect:/institutions/" + id;
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
		}
		catch (BusinessRuleException ex) {
			model.addAttribute("failureText", labels.refusal(ex));
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return show(id, model);
	}

	@PostMapping("/institutions/{id}/reviewers/{reviewerName}/detach")
	String detach(@PathVariable long id, @PathVariable String reviewerName, RedirectAttributes redirect) {
		institutions.detach(id, reviewerName);
		redirect.addFlashAttribute("success", "review.institution.detached");
		return "redirect:/institutions/" + id;
	}

}
