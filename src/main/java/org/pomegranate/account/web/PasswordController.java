package org.pomegranate.account.web;

import org.pomegranate.account.AccountService;
import org.pomegranate.account.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.pomegranate.shared.BusinessRuleException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Every user changes their own password here; a user whose password was set by an admin is sent
 * here until they do.
 */
@Controller
class PasswordController {

	private static final String VIEW = "account/password";

	private final AccountService accounts;

	private final SecurityContextRepository securityContexts = new HttpSessionSecurityContextRepository();

	PasswordController(AccountService accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/account/password")
	String form(Model model) {
		model.addAttribute("form", PasswordForm.empty());
		return VIEW;
	}

	@PostMapping("/account/password")
	String change(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") PasswordForm form,
			BindingResult result, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return VIEW;
		}
		if (!form.newPassword().equals(form.confirmPassword())) {
			result.rejectValue("confirmPassword", "password.error.mismatch");
			return VIEW;
		}
		try {
			accounts.changeOwnPassword(user, form.currentPassword(), form.newPassword(), request.getSession().getId());
		}
		catch (BusinessRuleException ex) {
			var field = ex.messageKey().equals("password.error.current") ? "currentPassword" : "newPassword";
			result.rejectValue(field, ex.messageKey());
			return VIEW;
		}
		refreshPrincipal(user, request, response);
		redirect.addFlashAttribute("success", "password.changed");
		return "redirect:/";
	}

	/** The session's principal no longer needs a password change. */
	private void refreshPrincipal(CurrentUser user, HttpServletRequest request, HttpServletResponse response) {
		var context = SecurityContextHolder.getContext();
		var old = context.getAuthentication();
		var updated = user.withPasswordChanged();
		// The factors the session passed (password, second factor) stay with it.
		var authentication = UsernamePasswordAuthenticationToken
			.authenticated(updated, null, old == null ? updated.getAuthorities() : old.getAuthorities());
		authentication.setDetails(old == null ? null : old.getDetails());
		context.setAuthentication(authentication);
		securityContexts.saveContext(context, request, response);
	}

}
