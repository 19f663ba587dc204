package org.pomegranate.unit.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.pomegranate.files.Upload;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.InvalidInputException;
import org.pomegranate.shared.SubmissionTokens;
import org.pomegranate.shared.TamperedFormException;
import org.pomegranate.unit.network.DutyForm;
import org.pomegranate.unit.network.UnitAction;
import org.pomegranate.unit.network.UnitDuties;
import org.pomegranate.unit.network.UnitRegistration;
import org.springframework.dao.OptimisticLockingFailureException;
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

/** A new version of a unit's duty statement (规程、职责) with its document, and the photos of it on the wall (上墙). */
@Controller
class UnitDutyController {

	private final UnitRegistration registration;

	private final UnitDuties duties;

	private final UnitLabels labels;

	UnitDutyController(UnitRegistration registration, UnitDuties duties, UnitLabels labels) {
		this.registration = registration;
		this.duties = duties;
		this.labels = labels;
	}

	@GetMapping("/units/{id}/duties/new")
	String newStatement(@PathVariable long id, Model model, RedirectAttributes redirect) {
		var unit = registration.get(id);
		if (!unit.may(UnitAction.ADD_DUTY_STATEMENT)) {
			redirect.addFlashAttribute("failure", unit.refusal(UnitAction.ADD_DUTY_STATEMENT).orElseThrow());
			return "redirect:/units/" + id;
		}
		var current = duties.statementsOf(id);
		// A new version starts from the one in force.
		model.addAttribute("form", current.isEmpty() ? DutyForm.empty()
				: new DutyForm(current.get(0).getTitle(), current.get(0).getBody(), registration.today().toString(), null));
		model.addAttribute("unit", unit);
		return "unit/duty-form";
	}

	@PostMapping("/units/{id}/duties")
	String addStatement(@PathVariable long id, @ModelAttribute("form") DutyForm form, BindingResult result,
			@RequestParam(name = "document", required = false) @Nullable List<MultipartFile> files, Model model,
			RedirectAttributes redirect) {
		TamperedFormException.refuseUnreadable(result);
		var unit = registration.get(id);
		try {
			duties.addStatement(id, form, Upload.of(files));
			redirect.addFlashAttribute("success", "unit.duty.created");
			return "redirect:/units/" + id + "#duties";
		}
		catch (InvalidInputException ex) {
			ex.addTo(result, "document");
		}
		catch (OptimisticLockingFailureException ex) {
			result.reject("error.staleEdit");
		}
		model.addAttribute("unit", unit);
		return "unit/duty-form";
	}

	@PostMapping("/units/{id}/photos")
	String addPhotos(@PathVariable long id, @RequestParam(required = false) @Nullable String submission,
			@RequestParam(name = "photos", required = false) @Nullable List<MultipartFile> files,
			RedirectAttributes redirect) {
		registration.get(id);
		try {
			duties.addWallPhotos(id, SubmissionTokens.parse(submission), Upload.of(files));
			redirect.addFlashAttribute("success", "unit.wall.added");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("failureText", labels.text(ex.firstProblem()));
		}
		catch (BusinessRuleException ex) {
			redirect.addFlashAttribute("failure", ex.messageKey());
		}
		return "redirect:/units/" + id + "#wall";
	}

}
