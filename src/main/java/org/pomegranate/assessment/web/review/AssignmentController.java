package org.pomegranate.assessment.web.review;

import java.time.Clock;

import jakarta.servlet.http.HttpServletResponse;
import org.pomegranate.assessment.workflow.ReviewForms.AssignmentForm;
import org.pomegranate.assessment.workflow.ReviewerAssignments;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.InvalidInputException;
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

/** 指派评估: the assignments of one assessment, assigning a reviewer for a window and ending an assignment. */
@Controller
class AssignmentController {

	private final ReviewerAssignments assignments;

	private final ReviewLabels labels;

	private final Clock clock;

	AssignmentController(ReviewerAssignments assignments, ReviewLabels labels, Clock clock) {
		this.assignments = assignments;
		this.labels = labels;
		this.clock = clock;
	}

	@GetMapping("/assessments/{assessmentId}/assignments")
	String list(@PathVariable long assessmentId, Model model) {
		model.addAttribute("assessment", assignments.assessment(assessmentId));
		model.addAttribute("assignments", assignments.list(assessmentId));
		model.addAttribute("candidates", assignments.candidates(assessmentId));
		if (!model.containsAttribute("form")) {
			var today = ChinaTime.today(clock);
			model.addAttribute("form", new AssignmentForm(null, today.toString(), today.plusDays(30).toString()));
		}
		return "assessment/review/assignments";
	}

	@PostMapping("/assessments/{assessmentId}/assignments")
	String assign(@PathVariable long assessmentId, @ModelAttribute("form") AssignmentForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		assignments.assessment(assessmentId);
		TamperedFormException.refuseUnreadable(result);
		try {
			assignments.assign(assessmentId, form);
			redirect.addFlashAttribute("success", "review.assign.done");
			return "redirect:/assessments/" + assessmentId + "/assignments";
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
		}
		catch (BusinessRuleException ex) {
			model.addAttribute("failureText", labels.refusal(ex));
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return list(assessmentId, model);
	}

	@PostMapping("/assessments/{assessmentId}/assignments/{assignmentId}/end")
	String end(@PathVariable long assessmentId, @PathVariable long assignmentId, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			assignments.end(assessmentId, assignmentId);
			redirect.addFlashAttribute("success", "review.assign.ended");
			return "redirect:/assessments/" + assessmentId + "/assignments";
		}
		catch (BusinessRuleException ex) {
			model.addAttribute("failureText", labels.refusal(ex));
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return list(assessmentId, model);
	}

}
