package org.pomegranate.account.web;

import org.jspecify.annotations.Nullable;
import org.pomegranate.account.CurrentUser;
import org.pomegranate.account.mfa.SecondFactorPolicy;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the layout shows of the second factor: the banner of the demo database on every page (its
 * admins sign in without one), and the link to one's own authenticator for those who may enrol.
 */
@ControllerAdvice
class SecondFactorAdvice {

	private final SecondFactorPolicy policy;

	SecondFactorAdvice(SecondFactorPolicy policy) {
		this.policy = policy;
	}

	@ModelAttribute("secondFactorDemoNotice")
	boolean secondFactorDemoNotice() {
		return policy.adminsExempt();
	}

	@ModelAttribute("secondFactorOffered")
	boolean secondFactorOffered(@AuthenticationPrincipal @Nullable CurrentUser user) {
		return user != null && policy.offeredTo(user);
	}

}
