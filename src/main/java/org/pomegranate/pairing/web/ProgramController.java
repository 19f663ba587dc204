package org.pomegranate.pairing.web;

import org.pomegranate.pairing.cadre.CadreLevel;
import org.pomegranate.pairing.household.HouseholdCategory;
import org.pomegranate.pairing.program.Pairing;
import org.pomegranate.pairing.program.PairingProgram;
import org.pomegranate.pairing.program.PairingService;
import org.pomegranate.pairing.program.ProgramForm;
import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.RegionLevel;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.InvalidInputException;
import org.pomegranate.shared.StaleEdits;
import org.pomegranate.shared.TamperedFormException;
import org.pomegranate.shared.RegionScope;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pairing programs: every role that keeps records sees those of its region and above; admins
 * create and edit those of their subtree.
 */
@Controller
@RequestMapping("/programs")
class ProgramController {

	private final PairingService pairings;

	private final RegionService regions;

	private final RegionScope scope;

	ProgramController(PairingService pairings, RegionService regions, RegionScope scope) {
		this.pairings = pairings;
		this.regions = regions;
		this.scope = scope;
	}

	@GetMapping
	String list(Model model) {
		var programs = pairings.visiblePrograms();
		model.addAttribute("programs", programs);
		model.addAttribute("regionNames", regions.names(programs.stream().map(PairingProgram::getRegionCode).toList()));
		model.addAttribute("editable", pairings.editablePrograms(programs));
		return "pairing/programs";
	}

	@GetMapping("/new")
	String newProgram(Model model) {
		model.addAttribute("form", ProgramForm.empty(scope.prefix()));
		return formView(model, null);
	}

	@PostMapping
	String create(@ModelAttribute("form") ProgramForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		TamperedFormException.refuseUnreadable(result);
		try {
			var program = pairings.createProgram(form);
			redirect.addFlashAttribute("success", "program.created");
			return "redirect:/coverage?program=" + program.getId();
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
		}
		return formView(model, null);
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		var program = pairings.program(id);
		model.addAttribute("form", ProgramForm.of(program));
		return formView(model, program);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") ProgramForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		TamperedFormException.refuseUnreadable(result);
		var program = pairings.program(id);
		try {
			pairings.updateProgram(id, StaleEdits.versionOf(form.version()), form);
			redirect.addFlashAttribute("success", "program.updated");
			return "redirect:/programs";
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
		}
		catch (OptimisticLockingFailureException ex) {
			result.reject("error.staleEdit");
		}
		return formView(model, program);
	}

	private String formView(Model model, @Nullable PairingProgram program) {
		model.addAttribute("program", program);
		model.addAttribute("categories", HouseholdCategory.values());
		model.addAttribute("levels", CadreLevel.values());
		model.addAttribute("regionChoices", regions.selectable(RegionLevel.COUNTY));
		return "pairing/program-form";
	}

}
