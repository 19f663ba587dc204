package org.pomegranate.supervision.web.task;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.pomegranate.files.Upload;
import org.pomegranate.shared.InvalidInputException;
import org.pomegranate.shared.Paging;
import org.pomegranate.shared.TamperedFormException;
import org.pomegranate.supervision.task.TaskForms.PlanForm;
import org.pomegranate.supervision.task.TaskIssuing;
import org.pomegranate.supervision.task.TaskReading;
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

/** 实施方案: the plans of the user's subtree, writing one with its documents, a plan's page with its task breakdown. */
@Controller
class PlanController {

	private final TaskIssuing issuing;

	private final TaskReading reading;

	PlanController(TaskIssuing issuing, TaskReading reading) {
		this.issuing = issuing;
		this.reading = reading;
	}

	@GetMapping("/plans")
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("plans", reading.plans(Paging.page(page)));
		model.addAttribute("permissions", issuing.permissions());
		return "supervision/task/plans";
	}

	@GetMapping("/plans/new")
	String newPlan(Model model) {
		model.addAttribute("form", PlanForm.empty(issuing.today()));
		return "supervision/task/plan-new";
	}

	@PostMapping("/plans")
	String create(@ModelAttribute("form") PlanForm form, BindingResult result,
			@RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		TamperedFormException.refuseUnreadable(result);
		try {
			long id = issuing.createPlan(form, Upload.of(files));
			redirect.addFlashAttribute("success", "plan.created");
			return "redirect:/plans/" + id;
		}
		catch (InvalidInputException ex) {
			ex.addTo(result, "files");
			model.addAttribute("failure", "task.form.invalid");
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return "supervision/task/plan-new";
	}

	@GetMapping("/plans/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("page", reading.plan(id));
		return "supervision/task/plan";
	}

}
