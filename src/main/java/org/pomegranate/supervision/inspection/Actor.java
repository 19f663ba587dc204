package org.pomegranate.supervision.inspection;

import org.pomegranate.account.CurrentUser;
import org.pomegranate.account.Role;
import org.pomegranate.shared.RecordNotFoundException;
import org.pomegranate.shared.RegionCode;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who takes a step on a rectification or a notice: enough for the aggregate to decide whether they may. */
public record Actor(String username, String displayName, Role role, String regionCode) {

	/** The signed-in user; none (a loader, a job) answers as a record that is not there. */
	public static Actor current() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
			return new Actor(user.getUsername(), user.displayName(), user.role(), user.regionCode());
		}
		throw new RecordNotFoundException("Actor", "current");
	}

	/** Whether the actor's region is {@code code} or lies above it. */
	public boolean covers(String code) {
		return RegionCode.of(regionCode).covers(RegionCode.of(code));
	}

}
