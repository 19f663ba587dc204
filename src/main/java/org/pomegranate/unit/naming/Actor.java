package org.pomegranate.unit.naming;

import java.time.LocalDate;

import org.pomegranate.account.Role;
import org.pomegranate.shared.RegionCode;

/** Who takes a step, and on which day: enough for a title to decide whether they may. */
public record Actor(String username, Role role, String regionCode, LocalDate today) {

	/** Whether the actor's region is {@code regionCode} or lies above it. */
	public boolean covers(String regionCode) {
		return RegionCode.of(this.regionCode).covers(RegionCode.of(regionCode));
	}

}
