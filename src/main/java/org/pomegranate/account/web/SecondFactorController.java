package org.pomegranate.account.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.pomegranate.account.CurrentUser;
import org.pomegranate.account.mfa.SecondFactorAuthority;
import org.pomegranate.account.mfa.SecondFactorService;
import org.pomegranate.shared.BusinessRuleException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The second step of sign-in (its form; the filter checks what is posted) and a user's own
 * authenticator: enrol with the QR code, confirm with a first code, read the recovery codes once.
 */
@Controller
class SecondFactorController {

	private static final String RECOVERY_CODES = "recoveryCodes";

	private static final String PENDING_SECRET = "secondFactor.pendingSecret.";

	private final SecondFactorService secondFactors;

	private final SecurityContextRepository securityContexts = new HttpSessionSecurityContextRepository();

	SecondFactorController(SecondFactorService secondFactors) {
		this.secondFactors = secondFactors;
	}

	@GetMapping("/login/second-factor")
	String step(@AuthenticationPrincipal CurrentUser user, Model model) {
		if (SecondFactorAuthority.passedBy(SecurityContextHolder.getContext().getAuthentication())) {
			return "redirect:/";
		}
		model.addAttribute("status", secondFactors.status(user));
		return "account/second-factor-step";
	}

	@GetMapping("/account/second-factor")
	String status(@AuthenticationPrincipal CurrentUser user, HttpSession session, Model model) {
		model.addAttribute("status", secondFactors.status(user));
		model.addAttribute("pending", pendingSecret(user, session) != null);
		model.addAttribute("passed", SecondFactorAuthority.passedBy(SecurityContextHolder.getContext().getAuthentication()));
		return "account/second-factor";
	}

	@PostMapping("/account/second-factor/setup")
	String start(@AuthenticationPrincipal CurrentUser user, HttpSession session, RedirectAttributes redirect) {
		try {
			session.setAttribute(pendingSecretKey(user), secondFactors.startEnrolment(user).secret());
		}
		catch (BusinessRuleException ex) {
			redirect.addFlashAttribute("failure", ex.messageKey());
			return "redirect:/account/second-factor";
		}
		return "redirect:/account/second-factor/setup";
	}

	@GetMapping("/account/second-factor/setup")
	String setup(@AuthenticationPrincipal CurrentUser user, HttpSession session, Model model) {
		var secret = pendingSecret(user, session);
		if (secret == null) {
			return "redirect:/account/second-factor";
		}
		model.addAttribute("enrolment", secondFactors.enrolment(user, secret));
		return "account/second-factor-setup";
	}

	@PostMapping("/account/second-factor/confirm")
	String confirm(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String code,
			HttpSession session, Model model, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		var secret = pendingSecret(user, session);
		if (secret == null) {
			redirect.addFlashAttribute("failure", "secondFactor.error.noEnrolment");
			return "redirect:/account/second-factor";
		}
		List<String> codes;
		try {
			codes = secondFactors.confirmEnrolment(user, secret, code.length() > 32 ? "" : code).codes();
		}
		catch (BusinessRuleException ex) {
			model.addAttribute("enrolment", secondFactors.enrolment(user, secret));
			model.addAttribute("failure", ex.messageKey());
			return "account/second-factor-setup";
		}
		session.removeAttribute(pendingSecretKey(user));
		var context = SecurityContextHolder.getContext();
		var authentication = context.getAuthentication();
		if (authentication != null) {
			context.setAuthentication(SecondFactorAuthority.addedTo(authentication));
			// A session raised to two factors gets a new id, so an id planted before is worth nothing.
			request.changeSessionId();
			securityContexts.saveContext(context, request, response);
		}
		redirect.addFlashAttribute(RECOVERY_CODES, codes);
		return "redirect:/account/second-factor/recovery-codes";
	}

	/** The recovery codes, on the one page after the confirmation; afterwards nobody can read them. */
	@GetMapping("/account/second-factor/recovery-codes")
	String recoveryCodes(Model model) {
		@Nullable Object codes = model.getAttribute(RECOVERY_CODES);
		if (codes == null) {
			return "redirect:/account/second-factor";
		}
		return "account/second-factor-recovery-codes";
	}

	/**
	 * The secret being enrolled lives only in the session that drew it: another session of the same
	 * user, even with the password, neither sees nor confirms it.
	 */
	private static @Nullable String pendingSecret(CurrentUser user, HttpSession session) {
		return session.getAttribute(pendingSecretKey(user)) instanceof String secret ? secret : null;
	}

	private static String pendingSecretKey(CurrentUser user) {
		return PENDING_SECRET + user.id();
	}

}
