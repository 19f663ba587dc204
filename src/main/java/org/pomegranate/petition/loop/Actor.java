package org.pomegranate.petition.loop;

import org.pomegranate.account.Role;
import org.pomegranate.shared.RegionCode;

/**
 * Who takes a step: enough for the petition to decide whether they may.
 */
public record Actor(String username, String displayName, Role role, String regionCode) {

	/** Whether the actor's region is {@code regionCode} or lies above it. */
	boolean covers(String regionCode) {
		return RegionCode.of(this.regionCode).covers(RegionCode.of(regionCode));
	}

}
