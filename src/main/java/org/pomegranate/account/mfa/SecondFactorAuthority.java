package org.pomegranate.account.mfa;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;

/**
 * The {@link FactorGrantedAuthority} a session earns by passing the second step, with a code of
 * the authenticator or a recovery code (which stands in for the lost authenticator).
 */
public final class SecondFactorAuthority {

	public static final String AUTHORITY = "FACTOR_TOTP";

	private SecondFactorAuthority() {
	}

	static FactorGrantedAuthority granted() {
		return FactorGrantedAuthority.fromAuthority(AUTHORITY);
	}

	/**
	 * The session's authentication with the second factor added: the user just proved they hold
	 * the authenticator by confirming its enrolment with a code.
	 */
	public static Authentication addedTo(Authentication authentication) {
		return authentication.toBuilder().authorities(authorities -> authorities.add(granted())).build();
	}

	/** Whether the session passed the second step. */
	public static boolean passedBy(@Nullable Authentication authentication) {
		return authentication != null
				&& authentication.getAuthorities().stream().anyMatch(a -> AUTHORITY.equals(a.getAuthority()));
	}

}
