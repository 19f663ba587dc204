package org.pomegranate.account;

import org.pomegranate.account.user.UserAccount;

/**
 * What another module may know of a user account: who it is, what it may do and where. Never the
 * password or the account's state.
 */
public record UserSummary(String username, String displayName, Role role, String regionCode) {

	static UserSummary of(UserAccount account) {
		return new UserSummary(account.getUsername(), account.getDisplayName(), account.getRole(),
				account.getRegionCode());
	}

}
