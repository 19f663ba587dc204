package org.pomegranate.account.web;

import org.pomegranate.account.mfa.SecondFactorService;
import org.pomegranate.shared.BusinessRuleException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins and the second factor: a user's authenticator and its reset (by an admin of a higher
 * region), and the regions whose supervisors must use one.
 */
@Controller
class SecondFactorAdminController {

	private final SecondFactorService secondFactors;

	SecondFactorAdminController(SecondFactorService secondFactors) {
		this.secondFactors = secondFactors;
	}

	@GetMapping("/admin/users/{id}/second-factor")
	String user(@PathVariable long id, Model model) {
		model.addAttribute("user", secondFactors.forAdmin(id));
		return "account/second-factor-user";
	}

	@PostMapping("/admin/users/{id}/second-factor/reset")
	String reset(@PathVariable long id, RedirectAttributes redirect) {
		try {
			secondFactors.reset(id);
			redirect.addFlashAttribute("success", "secondFactor.resetDone");
		}
		catch (BusinessRuleException ex) {
			redirect.addFlashAttribute("failure", ex.messageKey());
		}
		return "redirect:/admin/users/" + id + "/second-factor";
	}

	@GetMapping("/admin/second-factor")
	String regions(Model model) {
		model.addAttribute("requirements", secondFactors.supervisorRequirements());
		return "account/second-factor-regions";
	}

	@PostMapping("/admin/second-factor/regions")
	String require(@RequestParam(defaultValue = "") String region, @RequestParam(defaultValue = "false") boolean required,
			RedirectAttributes redirect) {
		try {
			secondFactors.requireForSupervisors(region, required);
			redirect.addFlashAttribute("success", required ? "secondFactor.regionRequired" : "secondFactor.regionReleased");
		}
		catch (BusinessRuleException ex) {
			redirect.addFlashAttribute("failure", ex.messageKey());
		}
		return "redirect:/admin/second-factor";
	}

}
