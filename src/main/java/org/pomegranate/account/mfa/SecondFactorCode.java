package org.pomegranate.account.mfa;

import java.io.Serial;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.pomegranate.account.CurrentUser;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A code typed at the second step by a user already signed in with their password: what the
 * {@link SecondFactorAuthenticationProvider} checks. Never authenticated itself.
 */
final class SecondFactorCode extends AbstractAuthenticationToken {

	@Serial
	private static final long serialVersionUID = 1L;

	enum Kind {
		AUTHENTICATOR, RECOVERY_CODE
	}

	private final CurrentUser user;

	private final Kind kind;

	private @Nullable String code;

	SecondFactorCode(CurrentUser user, String code, Kind kind) {
		super(List.of());
		this.user = user;
		this.code = code;
		this.kind = kind;
		setAuthenticated(false);
	}

	Kind kind() {
		return kind;
	}

	String code() {
		return code == null ? "" : code;
	}

	@Override
	public @Nullable Object getCredentials() {
		return code;
	}

	@Override
	public CurrentUser getPrincipal() {
		return user;
	}

	@Override
	public void eraseCredentials() {
		code = null;
	}

}
