package org.pomegranate.account.web;

import org.pomegranate.account.mfa.SecondFactorPolicy;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The banner of the demo database on every page: its admins sign in without a second factor. */
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

}
