package org.pomegranate.unit.web;

import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.TamperedFormException;
import org.pomegranate.unit.naming.NamingForms.RecheckResultForm;
import org.pomegranate.unit.naming.RecheckService;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A re-check's result (复查结果), recorded from the title's page. */
@Controller
class RecheckController {

	private final RecheckService rechecks;

	private final NamingPages pages;

	RecheckController(RecheckService rechecks, NamingPages pages) {
		this.rechecks = rechecks;
		this.pages = pages;
	}

	@PostMapping("/naming-rechecks/{id}/result")
	String result(@PathVariable long id, @ModelAttribute RecheckResultForm form, BindingResult result,
			RedirectAttributes redirect) {
		TamperedFormException.refuseUnreadable(result);
		var recheck = rechecks.recheck(id);
		try {
			rechecks.recordResult(id, form);
			redirect.addFlashAttribute("success", "naming.done.RECORD_RECHECK");
		}
		catch (BusinessRuleException | OptimisticLockingFailureException ex) {
			redirect.addFlashAttribute("failureText", pages.refusal(ex));
		}
		return "redirect:/namings/" + recheck.getNamingId();
	}

}
