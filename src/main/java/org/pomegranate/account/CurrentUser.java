package org.pomegranate.account;

import org.pomegranate.account.user.UserAccount;
import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.ScopedPrincipal;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user as the session holds them: enough to draw the top bar and to apply the role
 * and the region scope without a database round trip.
 */
public final class CurrentUser implements UserDetails, CredentialsContainer, ScopedPrincipal, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final long id;

	private final String username;

	private final String displayName;

	private final Role role;

	private final String regionCode;

	private final String regionName;

	private final boolean enabled;

	private final boolean passwordChangeRequired;

	private @Nullable String passwordHash;

	public CurrentUser(UserAccount account, String regionName) {
		this(account.getId(), account.getUsername(), account.getDisplayName(), account.getRole(),
				account.getRegionCode(), regionName, account.isEnabled(), account.isPasswordChangeRequired(),
				account.getPasswordHash());
	}

	private CurrentUser(long id, String username, String displayName, Role role, String regionCode,
			String regionName, boolean enabled, boolean passwordChangeRequired, @Nullable String passwordHash) {
		this.id = id;
		this.username = username;
		this.displayName = displayName;
		this.role = role;
		this.regionCode = regionCode;
		this.regionName = regionName;
		this.enabled = enabled;
		this.passwordChangeRequired = passwordChangeRequired;
		this.passwordHash = passwordHash;
	}

	public CurrentUser withPasswordChanged() {
		return new CurrentUser(id, username, displayName, role, regionCode, regionName, enabled, false, null);
	}

	public long id() {
		return id;
	}

	@Override
	public String getUsername() {
		return username;
	}

	public String displayName() {
		return displayName;
	}

	/** The message key of the role's name, as the layout shows it. */
	public String roleLabelKey() {
		return "role." + role.name();
	}

	public Role role() {
		return role;
	}

	@Override
	public String regionCode() {
		return regionCode;
	}

	public String regionName() {
		return regionName;
	}

	public boolean passwordChangeRequired() {
		return passwordChangeRequired;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(role.authority()));
	}

	@Override
	public @Nullable String getPassword() {
		return passwordHash;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public String toString() {
		return "CurrentUser[" + username + ", " + role + ", " + regionCode + "]";
	}

}
