package org.pomegranate.assessment.web.framework;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.pomegranate.assessment.framework.FrameworkForms.NewFrameworkForm;
import org.pomegranate.assessment.framework.FrameworkForms.SettingsForm;
import org.pomegranate.assessment.framework.FrameworkKind;
import org.pomegranate.assessment.framework.FrameworkQuery;
import org.pomegranate.assessment.framework.FrameworkService;
import org.pomegranate.assessment.framework.FrameworkState;
import org.pomegranate.assessment.framework.IndicatorFramework;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.InvalidInputException;
import org.pomegranate.shared.Paging;
import org.pomegranate.shared.StaleEdits;
import org.pomegranate.shared.TamperedFormException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
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

/** 测评指标: the list, a new draft, a version's page with its settings, publishing and the next version. */
@Controller
class FrameworkController {

	static final int PAGE_SIZE = 20;

	private final FrameworkService frameworks;

	private final FrameworkPage page;

	private final RegionService regions;

	FrameworkController(FrameworkService frameworks, FrameworkPage page, RegionService regions) {
		this.frameworks = frameworks;
		this.page = page;
		this.regions = regions;
	}

	@ModelAttribute("kinds")
	FrameworkKind[] kinds() {
		return FrameworkKind.values();
	}

	@GetMapping("/frameworks")
	String list(@RequestParam(required = false) @Nullable FrameworkKind kind,
			@RequestParam(required = false) @Nullable FrameworkState state, @RequestParam(defaultValue = "0") int page,
			Model model) {
		var found = frameworks.list(new FrameworkQuery(kind, state), PageRequest.of(Paging.page(page), PAGE_SIZE,
				Sort.by("issuerRegionCode", "kind", "lineageId").and(Sort.by(Sort.Direction.DESC, "versionNumber"))));
		model.addAttribute("frameworks", found);
		model.addAttribute("issuerNames", regions.names(found.map(IndicatorFramework::getIssuerRegionCode).toSet()));
		model.addAttribute("query", new FrameworkQuery(kind, state));
		model.addAttribute("states", FrameworkState.values());
		model.addAttribute("may", frameworks.permissions());
		return "assessment/framework/list";
	}

	@GetMapping("/frameworks/new")
	String newFramework(Model model) {
		model.addAttribute("form", NewFrameworkForm.empty());
		return newView(model);
	}

	private String newView(Model model) {
		return page.newFramework(model);
	}

	@PostMapping("/frameworks")
	String create(@ModelAttribute("form") NewFrameworkForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		TamperedFormException.refuseUnreadable(result);
		try {
			var framework = frameworks.create(form);
			redirect.addFlashAttribute("success", "framework.created");
			return "redirect:/frameworks/" + framework.getId();
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
		}
		catch (BusinessRuleException ex) {
			model.addAttribute("failureText", page.refusal(ex));
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return newView(model);
	}

	@GetMapping("/frameworks/{id}")
	String show(@PathVariable long id, Model model) {
		return page.show(id, model);
	}

	@PostMapping("/frameworks/{id}/settings")
	String settings(@PathVariable long id, @ModelAttribute("settingsForm") SettingsForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		frameworks.get(id);
		TamperedFormException.refuseUnreadable(result);
		try {
			frameworks.changeSettings(id, form);
			redirect.addFlashAttribute("success", "framework.settings.saved");
			return "redirect:/frameworks/" + id;
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			model.addAttribute("failure", "framework.settings.invalid");
		}
		catch (BusinessRuleException | OptimisticLockingFailureException ex) {
			model.addAttribute("failureText", page.refusal(ex));
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page.show(id, model);
	}

	@PostMapping("/frameworks/{id}/publish")
	String publish(@PathVariable long id, @RequestParam(required = false) @Nullable Long version, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		frameworks.get(id);
		try {
			frameworks.publish(id, StaleEdits.versionOf(version));
			redirect.addFlashAttribute("success", "framework.published");
			return "redirect:/frameworks/" + id;
		}
		catch (BusinessRuleException | OptimisticLockingFailureException ex) {
			model.addAttribute("failureText", page.refusal(ex));
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page.show(id, model);
	}

	@PostMapping("/frameworks/{id}/next-version")
	String nextVersion(@PathVariable long id, @RequestParam(required = false) @Nullable Long version, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		frameworks.get(id);
		try {
			var next = frameworks.startNextVersion(id, StaleEdits.versionOf(version));
			redirect.addFlashAttribute("success", "framework.nextVersion.started");
			return "redirect:/frameworks/" + next.getId();
		}
		catch (BusinessRuleException | OptimisticLockingFailureException ex) {
			model.addAttribute("failureText", page.refusal(ex));
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page.show(id, model);
	}

}
