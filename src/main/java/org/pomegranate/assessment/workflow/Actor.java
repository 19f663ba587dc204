package org.pomegranate.assessment.workflow;

import java.time.LocalDate;

import org.pomegranate.account.Role;
import org.pomegranate.shared.RegionCode;

/**
 * Who takes a step and on which day: enough for an assessment to decide whether they may.
 * {@code assigned}: a reviewer with an assignment to this assessment whose window holds today
 * (the service looks it up; for anyone else false).
 */
public record Actor(String username, Role role, String regionCode, LocalDate today, boolean assigned) {

	/** Whether the actor's region is {@code regionCode} or lies above it. */
	public boolean covers(String regionCode) {
		return RegionCode.of(this.regionCode).covers(RegionCode.of(regionCode));
	}

	public boolean holdersPeople() {
		return role == Role.STAFF || role == Role.ADMIN;
	}

}
