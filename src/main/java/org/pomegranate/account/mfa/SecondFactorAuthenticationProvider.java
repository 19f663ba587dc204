package org.pomegranate.account.mfa;

import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Checks a {@link SecondFactorCode} and, when it holds, answers an authentication carrying the
 * second factor's {@link SecondFactorAuthority}; the sign-in filter merges it with the password
 * factor the session already has, as Spring Security's multi-factor support does.
 */
final class SecondFactorAuthenticationProvider implements AuthenticationProvider {

	private final SecondFactorService service;

	SecondFactorAuthenticationProvider(SecondFactorService service) {
		this.service = service;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		var offered = (SecondFactorCode) authentication;
		var user = offered.getPrincipal();
		var outcome = offered.kind() == SecondFactorCode.Kind.RECOVERY_CODE
				? service.signInWithRecoveryCode(user, offered.code()) : service.signInWithCode(user, offered.code());
		if (!outcome.accepted()) {
			throw new SecondFactorRefusedException(outcome);
		}
		return UsernamePasswordAuthenticationToken.authenticated(user, null, List.of(SecondFactorAuthority.granted()));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return SecondFactorCode.class.isAssignableFrom(authentication);
	}

}
