package org.pomegranate.account.signin;

import org.pomegranate.account.CurrentUser;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Password login guarded by the lockout: a locked name is refused before its password is even
 * checked, and the fifth failure locks it. A locked name answers the same whether or not an
 * account has it.
 */
public class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider passwordCheck;

	private final LoginAttempts attempts;

	ThrottledAuthenticationProvider(AuthenticationProvider passwordCheck, LoginAttempts attempts) {
		this.passwordCheck = passwordCheck;
		this.attempts = attempts;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		var username = authentication.getName();
		if (attempts.isLocked(username)) {
			attempts.recordRefusedWhileLocked(username);
			throw new LockedException("Too many failed logins");
		}
		try {
			var result = passwordCheck.authenticate(authentication);
			if (result != null && result.getPrincipal() instanceof CurrentUser user) {
				attempts.recordSuccess(user);
			}
			return result;
		}
		catch (AuthenticationException ex) {
			if (attempts.recordFailure(username)) {
				throw new LockedException("Too many failed logins", ex);
			}
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
