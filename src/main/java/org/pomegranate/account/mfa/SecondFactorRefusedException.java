package org.pomegranate.account.mfa;

import java.io.Serial;

import org.springframework.security.core.AuthenticationException;

/** The second step refused a code: wrong, already used, or the authenticator is locked. */
final class SecondFactorRefusedException extends AuthenticationException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final SecondFactor.Outcome outcome;

	SecondFactorRefusedException(SecondFactor.Outcome outcome) {
		super("Second factor refused: " + outcome);
		this.outcome = outcome;
	}

	SecondFactor.Outcome outcome() {
		return outcome;
	}

}
