package org.pomegranate.supervision.web.task;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.pomegranate.files.Upload;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.InvalidInputException;
import org.pomegranate.shared.TamperedFormException;
import org.pomegranate.supervision.task.TaskForms.ExtensionForm;
import org.pomegranate.supervision.task.TaskForms.ReasonForm;
import org.pomegranate.supervision.task.TaskForms.ReportForm;
import org.pomegranate.supervision.task.TaskReading;
import org.pomegranate.supervision.task.TaskSteps;
import org.springframework.context.MessageSource;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The recipient's inbox and an instance's page with its steps. A step refused (by its state, by who
 * asks, by a stale version or a wrong field) shows the page again with the reason and what was typed.
 */
@Controller
class TaskController {

	private final TaskReading reading;

	private final TaskSteps steps;

	private final MessageSource messages;

	TaskController(TaskReading reading, TaskSteps steps, MessageSource messages) {
		this.reading = reading;
		this.steps = steps;
		this.messages = messages;
	}

	@GetMapping("/tasks/inbox")
	String inbox(Model model) {
		model.addAttribute("groups", reading.inbox());
		return "supervision/task/inbox";
	}

	@GetMapping("/tasks/{id}")
	String show(@PathVariable long id, Model model) {
		var page = reading.instance(id);
		model.addAttribute("page", page);
		long version = page.instance().getVersion();
		if (!model.containsAttribute("reportForm")) {
			model.addAttribute("reportForm", new ReportForm("", "", "", version));
		}
		if (!model.containsAttribute("reasonForm")) {
			model.addAttribute("reasonForm", new ReasonForm("", version));
		}
		if (!model.containsAttribute("extensionForm")) {
			model.addAttribute("extensionForm", new ExtensionForm("", "", version));
		}
		return "supervision/task/instance";
	}

	@PostMapping("/tasks/{id}/acknowledge")
	String acknowledge(@PathVariable long id, @RequestParam(required = false) @Nullable Long version, Model model,
			RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
		return step(id, "task.acknowledged", () -> steps.acknowledge(id, version), model, redirect, response, locale);
	}

	@PostMapping("/tasks/{id}/report")
	String report(@PathVariable long id, @ModelAttribute("reportForm") ReportForm form, BindingResult result,
			@RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files, Model model,
			RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
		TamperedFormException.refuseUnreadable(result);
		return step(id, "task.reported", () -> steps.report(id, form, Upload.of(files)), model, redirect, response, locale);
	}

	@PostMapping("/tasks/{id}/return")
	String returnTask(@PathVariable long id, @ModelAttribute("reasonForm") ReasonForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
		TamperedFormException.refuseUnreadable(result);
		return step(id, "task.returned", () -> steps.returnToRecipient(id, form), model, redirect, response, locale);
	}

	@PostMapping("/tasks/{id}/accept")
	String accept(@PathVariable long id, @ModelAttribute("reasonForm") ReasonForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
		TamperedFormException.refuseUnreadable(result);
		return step(id, "task.accepted", () -> steps.accept(id, form), model, redirect, response, locale);
	}

	@PostMapping("/tasks/{id}/extension")
	String requestExtension(@PathVariable long id, @ModelAttribute("extensionForm") ExtensionForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
		TamperedFormException.refuseUnreadable(result);
		return step(id, "task.extension.requested", () -> steps.requestExtension(id, form), model, redirect, response, locale);
	}

	@PostMapping("/tasks/{id}/extension/grant")
	String grantExtension(@PathVariable long id, @ModelAttribute("extensionForm") ExtensionForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
		TamperedFormException.refuseUnreadable(result);
		return step(id, "task.extension.granted", () -> steps.grantExtension(id, form), model, redirect, response, locale);
	}

	@PostMapping("/tasks/{id}/extension/refuse")
	String refuseExtension(@PathVariable long id, @ModelAttribute("reasonForm") ReasonForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
		TamperedFormException.refuseUnreadable(result);
		return step(id, "task.extension.refused", () -> steps.refuseExtension(id, form), model, redirect, response, locale);
	}

	/** Takes the step and redirects to the page, or shows the page again with why not (the typed forms kept in the model). */
	private String step(long id, String success, Runnable step, Model model, RedirectAttributes redirect,
			HttpServletResponse response, Locale locale) {
		try {
			step.run();
			redirect.addFlashAttribute("success", success);
			return "redirect:/tasks/" + id;
		}
		catch (InvalidInputException ex) {
			model.addAttribute("failureText", messages.getMessage(ex.firstProblem(), locale));
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		catch (OptimisticLockingFailureException ex) {
			model.addAttribute("failure", "error.staleEdit");
			response.setStatus(HttpStatus.CONFLICT.value());
		}
		catch (BusinessRuleException ex) {
			model.addAttribute("failure", ex.messageKey());
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		return show(id, model);
	}

}
