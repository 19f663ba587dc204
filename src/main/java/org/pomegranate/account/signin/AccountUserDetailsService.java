package org.pomegranate.account.signin;

import org.pomegranate.account.CurrentUser;
import org.pomegranate.account.user.UserAccountRepository;
import org.pomegranate.account.user.UserNames;
import org.pomegranate.region.RegionService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads a user for Spring Security by the name exactly as stored: a name typed in another form
 * than its canonical one ({@link UserNames}) finds no one, and so fails like a wrong password.
 */
@Service
public class AccountUserDetailsService implements UserDetailsService {

	private final UserAccountRepository accounts;

	private final RegionService regions;

	AccountUserDetailsService(UserAccountRepository accounts, RegionService regions) {
		this.accounts = accounts;
		this.regions = regions;
	}

	@Override
	@Transactional(readOnly = true)
	public CurrentUser loadUserByUsername(String username) {
		var account = UserNames.forSignIn(username)
			.flatMap(accounts::findByUsername)
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
		var regionName = regions.find(account.getRegionCode()).map(r -> r.getName()).orElse(account.getRegionCode());
		return new CurrentUser(account, regionName);
	}

}
