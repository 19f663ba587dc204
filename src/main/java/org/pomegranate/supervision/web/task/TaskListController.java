package org.pomegranate.supervision.web.task;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.InvalidInputException;
import org.pomegranate.shared.Paging;
import org.pomegranate.shared.TamperedFormException;
import org.pomegranate.supervision.task.Recurrence;
import org.pomegranate.supervision.task.TaskForms.IssueForm;
import org.pomegranate.supervision.task.TaskIssuing;
import org.pomegranate.supervision.task.TaskReading;
import org.pomegranate.supervision.task.TaskState;
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

/** 任务清单 as the issuer keeps them: the lists issued in the subtree, issuing one, a list's recipients × states. */
@Controller
class TaskListController {

	private final TaskIssuing issuing;

	private final TaskReading reading;

	TaskListController(TaskIssuing issuing, TaskReading reading) {
		this.issuing = issuing;
		this.reading = reading;
	}

	@GetMapping("/tasks/lists")
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("lists", reading.lists(Paging.page(page)));
		model.addAttribute("permissions", issuing.permissions());
		return "supervision/task/lists";
	}

	/** 下达任务; {@code unitName} finds units further below to add as recipients. */
	@GetMapping("/tasks/lists/new")
	String newList(@RequestParam(required = false) @Nullable Long plan,
			@RequestParam(required = false) @Nullable String unitName, Model model) {
		model.addAttribute("form", IssueForm.empty(issuing.today(), plan));
		return newView(unitName, model);
	}

	private String newView(@Nullable String unitName, Model model) {
		model.addAttribute("recipientOptions", issuing.recipientOptions(unitName));
		model.addAttribute("plans", issuing.ownPlans());
		model.addAttribute("recurrences", Recurrence.values());
		model.addAttribute("unitName", unitName == null ? "" : unitName);
		return "supervision/task/list-new";
	}

	@PostMapping("/tasks/lists")
	String issue(@ModelAttribute("form") IssueForm form, BindingResult result, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		TamperedFormException.refuseUnreadable(result);
		try {
			long id = issuing.issue(form);
			redirect.addFlashAttribute("success", "task.list.issued");
			return "redirect:/tasks/lists/" + id;
		}
		catch (InvalidInputException ex) {
			ex.addTo(result, "recipients");
			model.addAttribute("failure", "task.form.invalid");
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return newView(null, model);
	}

	@GetMapping("/tasks/lists/{list}")
	String show(@PathVariable long list, @RequestParam(required = false) @Nullable String period, Model model) {
		model.addAttribute("page", reading.listPage(list, period));
		model.addAttribute("states", TaskState.values());
		return "supervision/task/list";
	}

}
