package org.pomegranate.unit.web;

import jakarta.servlet.http.HttpServletResponse;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.InvalidInputException;
import org.pomegranate.shared.TamperedFormException;
import org.pomegranate.unit.naming.NamingForms.RecheckResultForm;
import org.pomegranate.unit.naming.RecheckService;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A re-check's result (复查结果), recorded from the title's page; refused, the page comes again
 * (422) with the result as it was typed.
 */
@Controller
class RecheckController {

	private final RecheckService rechecks;

	private final NamingPages pages;

	private final TitlePage titlePage;

	RecheckController(RecheckService rechecks, NamingPages pages, TitlePage titlePage) {
		this.rechecks = rechecks;
		this.pages = pages;
		this.titlePage = titlePage;
	}

	@PostMapping("/naming-rechecks/{id}/result")
	String result(@PathVariable long id, @ModelAttribute("recheckResultForm") RecheckResultForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		TamperedFormException.refuseUnreadable(result);
		var recheck = rechecks.recheck(id);
		try {
			rechecks.recordResult(id, form);
			redirect.addFlashAttribute("success", "naming.done.RECORD_RECHECK");
			return "redirect:/namings/" + recheck.getNamingId();
		}
		catch (BusinessRuleException | OptimisticLockingFailureException ex) {
			if (ex instanceof InvalidInputException invalid) {
				invalid.addTo(result);
			}
			model.addAttribute("failureText", pages.refusal(ex));
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return titlePage.show(recheck.getNamingId(), model);
	}

}
