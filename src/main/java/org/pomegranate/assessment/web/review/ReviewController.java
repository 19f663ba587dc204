package org.pomegranate.assessment.web.review;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.pomegranate.assessment.workflow.ReviewForms.AppealAnswerForm;
import org.pomegranate.assessment.workflow.ReviewForms.EvaluatorScoreForm;
import org.pomegranate.assessment.workflow.ReviewForms.ReportForm;
import org.pomegranate.assessment.workflow.ReviewForms.ReturnForm;
import org.pomegranate.assessment.workflow.Reviews;
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
 * 我的评估任务: the reviewer's assignments and the evaluation page of one assessment, with a
 * route per step. A refused step shows the page again (422) with the reason and what was typed,
 * beside its row for the steps on one node.
 */
@Controller
class ReviewController {

	private final Reviews reviews;

	private final ReviewLabels labels;

	ReviewController(Reviews reviews, ReviewLabels labels) {
		this.reviews = reviews;
		this.labels = labels;
	}

	@GetMapping("/reviews")
	String tasks(Model model) {
		model.addAttribute("tasks", reviews.tasks());
		return "assessment/review/tasks";
	}

	@GetMapping("/reviews/{assessmentId}")
	String show(@PathVariable long assessmentId, Model model) {
		var review = reviews.sheet(assessmentId);
		model.addAttribute("review", review);
		model.addAttribute("sheet", review.sheet());
		model.addAttribute("assessment", review.sheet().assessment());
		return "assessment/review/show";
	}

	@PostMapping("/reviews/{assessmentId}/start")
	String start(@PathVariable long assessmentId, @RequestParam(required = false) @Nullable Long version, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return step(assessmentId, null, model, redirect, response, "review.started",
				() -> reviews.start(assessmentId, StaleEdits.versionOf(version)));
	}

	@PostMapping("/reviews/{assessmentId}/nodes/{nodeId}/score")
	String score(@PathVariable long assessmentId, @PathVariable long nodeId,
			@ModelAttribute("scoreForm") EvaluatorScoreForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return nodeStep(assessmentId, nodeId, "score", result, model, redirect, response, "review.scored",
				() -> reviews.score(assessmentId, nodeId, form));
	}

	@PostMapping("/reviews/{assessmentId}/nodes/{nodeId}/return")
	String returnArticle(@PathVariable long assessmentId, @PathVariable long nodeId,
			@ModelAttribute("returnForm") ReturnForm form, BindingResult result, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return nodeStep(assessmentId, nodeId, "return", result, model, redirect, response, "review.returned",
				() -> reviews.returnArticle(assessmentId, nodeId, form));
	}

	@PostMapping("/reviews/{assessmentId}/nodes/{nodeId}/answer")
	String answer(@PathVariable long assessmentId, @PathVariable long nodeId,
			@ModelAttribute("answerForm") AppealAnswerForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return nodeStep(assessmentId, nodeId, "answer", result, model, redirect, response, "review.answered",
				() -> reviews.answerAppeal(assessmentId, nodeId, form));
	}

	@PostMapping("/reviews/{assessmentId}/send-back")
	String sendBack(@PathVariable long assessmentId, @RequestParam(required = false) @Nullable Long version, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return step(assessmentId, null, model, redirect, response, "review.sentBack",
				() -> reviews.sendBack(assessmentId, StaleEdits.versionOf(version)));
	}

	@PostMapping("/reviews/{assessmentId}/report")
	String report(@PathVariable long assessmentId, @ModelAttribute("reportForm") ReportForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		reviews.visible(assessmentId);
		TamperedFormException.refuseUnreadable(result);
		model.addAttribute("typedReport", form.text());
		return step(assessmentId, null, model, redirect, response, "review.reported",
				() -> reviews.writeReport(assessmentId, form));
	}

	@PostMapping("/reviews/{assessmentId}/finish")
	String finish(@PathVariable long assessmentId, @RequestParam(required = false) @Nullable Long version, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return step(assessmentId, null, model, redirect, response, "review.finished",
				() -> reviews.finish(assessmentId, StaleEdits.versionOf(version)));
	}

	@PostMapping("/reviews/{assessmentId}/close-appeals")
	String closeAppeals(@PathVariable long assessmentId, @RequestParam(required = false) @Nullable Long version,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return step(assessmentId, null, model, redirect, response, "review.appealsClosed",
				() -> reviews.closeAppeals(assessmentId, StaleEdits.versionOf(version)));
	}

	private String nodeStep(long assessmentId, long nodeId, String form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response, String done, Runnable action) {
		reviews.visible(assessmentId);
		TamperedFormException.refuseUnreadable(result);
		model.addAttribute("typedNode", nodeId);
		model.addAttribute("typedForm", form);
		return step(assessmentId, nodeId, model, redirect, response, done, action);
	}

	private String step(long assessmentId, @Nullable Long nodeId, Model model, RedirectAttributes redirect,
			HttpServletResponse response, String done, Runnable action) {
		reviews.visible(assessmentId);
		try {
			action.run();
			redirect.addFlashAttribute("success", done);
			return "redirect:/reviews/" + assessmentId + (nodeId == null ? "" : "#node-" + nodeId);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("problems", ex.problems());
			model.addAttribute("failureText", labels.refusal(ex));
		}
		catch (BusinessRuleException | OptimisticLockingFailureException ex) {
			model.addAttribute("failureText", labels.refusal(ex));
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return show(assessmentId, model);
	}

}
