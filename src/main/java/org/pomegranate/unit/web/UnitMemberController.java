package org.pomegranate.unit.web;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.InvalidInputException;
import org.pomegranate.shared.TamperedFormException;
import org.pomegranate.unit.network.CampaignUnit;
import org.pomegranate.unit.network.LeaveForm;
import org.pomegranate.unit.network.MemberForm;
import org.pomegranate.unit.network.MemberRole;
import org.pomegranate.unit.network.UnitAction;
import org.pomegranate.unit.network.UnitMembers;
import org.pomegranate.unit.network.UnitRegistration;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A unit's members: a cadre joins with a role and a day; a member leaves with a day and a reason (调整充实). */
@Controller
class UnitMemberController {

	private final UnitRegistration registration;

	private final UnitMembers members;

	private final UnitLabels labels;

	UnitMemberController(UnitRegistration registration, UnitMembers members, UnitLabels labels) {
		this.registration = registration;
		this.members = members;
		this.labels = labels;
	}

	@GetMapping("/units/{id}/members/new")
	String newMember(@PathVariable long id, @RequestParam(required = false) @Nullable String q, Model model,
			RedirectAttributes redirect) {
		var unit = registration.get(id);
		if (!unit.may(UnitAction.ADD_MEMBER)) {
			redirect.addFlashAttribute("failure", unit.refusal(UnitAction.ADD_MEMBER).orElseThrow());
			return "redirect:/units/" + id;
		}
		model.addAttribute("form", new MemberForm(null, MemberRole.MEMBER, members.today().toString(), null));
		return formView(unit, q, model);
	}

	/** Refused, the form comes again (422) as it was typed, with the cadres the search {@code q} found. */
	@PostMapping("/units/{id}/members")
	String add(@PathVariable long id, @ModelAttribute("form") MemberForm form, BindingResult result,
			@RequestParam(required = false) @Nullable String q, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		TamperedFormException.refuseUnreadable(result);
		var unit = registration.get(id);
		try {
			members.add(id, form);
			redirect.addFlashAttribute("success", "unit.member.added");
			return "redirect:/units/" + id;
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return formView(unit, q, model);
	}

	/** Errors go back to the unit page above its members, where the leaving form is. */
	@PostMapping("/units/{id}/members/leave")
	String leave(@PathVariable long id, @ModelAttribute("leave") LeaveForm form, BindingResult result,
			RedirectAttributes redirect) {
		TamperedFormException.refuseUnreadable(result);
		registration.get(id);
		try {
			members.leave(id, form);
			redirect.addFlashAttribute("success", "unit.member.left");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("failureText", labels.text(ex.firstProblem()));
		}
		catch (BusinessRuleException ex) {
			redirect.addFlashAttribute("failure", ex.messageKey());
		}
		catch (OptimisticLockingFailureException ex) {
			redirect.addFlashAttribute("failure", "error.staleEdit");
		}
		return "redirect:/units/" + id + "#members";
	}

	private String formView(CampaignUnit unit, @Nullable String q, Model model) {
		model.addAttribute("unit", unit);
		model.addAttribute("q", q);
		model.addAttribute("cadreChoices", members.cadreChoices(unit.getId(), q));
		model.addAttribute("roles", MemberRole.values());
		return "unit/member-form";
	}

}
