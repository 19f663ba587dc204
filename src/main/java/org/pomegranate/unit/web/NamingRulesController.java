package org.pomegranate.unit.web;

import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.unit.naming.NamingLevel;
import org.pomegranate.unit.naming.NamingRules;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 等级规则: the validity and the lower-title rule of each level the admin's region issues. */
@Controller
class NamingRulesController {

	private final NamingRules rules;

	private final NamingPages pages;

	NamingRulesController(NamingRules rules, NamingPages pages) {
		this.rules = rules;
		this.pages = pages;
	}

	@GetMapping("/namings/rules")
	String rules(Model model) {
		model.addAttribute("rules", rules.ownRules());
		return "naming/rules";
	}

	@PostMapping("/namings/rules")
	String change(@RequestParam NamingLevel level, @RequestParam int validityYears,
			@RequestParam(defaultValue = "false") boolean requiresLower,
			@RequestParam(defaultValue = "false") boolean requiresAssessment, @RequestParam long version,
			RedirectAttributes redirect) {
		try {
			rules.change(level, validityYears, requiresLower, requiresAssessment, version);
			redirect.addFlashAttribute("success", "naming.rules.saved");
		}
		catch (BusinessRuleException | OptimisticLockingFailureException ex) {
			redirect.addFlashAttribute("failureText", pages.refusal(ex));
		}
		return "redirect:/namings/rules";
	}

}
