package org.pomegranate.account.web;

import org.pomegranate.account.CurrentUser;
import org.pomegranate.account.signin.SecurityConfiguration;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login page; Spring Security handles the POST.
 */
@Controller
class LoginController {

	@GetMapping("/login")
	String login(@AuthenticationPrincipal @Nullable CurrentUser user, @Nullable HttpSession session, Model model) {
		if (user != null) {
			return "redirect:/";
		}
		if (session != null) {
			model.addAttribute("username", session.getAttribute(SecurityConfiguration.LOGIN_USERNAME));
			session.removeAttribute(SecurityConfiguration.LOGIN_USERNAME);
		}
		return "account/login";
	}

}
