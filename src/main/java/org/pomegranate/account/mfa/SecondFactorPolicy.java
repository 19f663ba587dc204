package org.pomegranate.account.mfa;

import java.util.List;

import org.pomegranate.account.CurrentUser;
import org.pomegranate.account.Role;
import org.pomegranate.shared.RegionCode;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who must pass a second factor after the password: every admin (production), every supervisor of
 * a region where an admin asked for it (that region and below), and anyone who has enrolled an
 * authenticator, whatever the rule, so a demo admin who enrolled is asked too. Only admins and
 * supervisors may enrol.
 */
@Component
public class SecondFactorPolicy {

	private final SecondFactorRepository factors;

	private final SecondFactorRegionRepository regions;

	private final SecondFactorSettings.AdminRequirement admins;

	SecondFactorPolicy(SecondFactorRepository factors, SecondFactorRegionRepository regions,
			SecondFactorSettings.AdminRequirement admins) {
		this.factors = factors;
		this.regions = regions;
		this.admins = admins;
	}

	/** Whether the user may enrol an authenticator at all. */
	public boolean offeredTo(CurrentUser user) {
		return user.role() == Role.ADMIN || user.role() == Role.SUPERVISOR;
	}

	/** Whether the user must pass the second step before any page. */
	@Transactional(readOnly = true)
	public boolean requiredFor(CurrentUser user) {
		return switch (user.role()) {
			case ADMIN -> admins.adminsRequired() || isEnrolled(user);
			case SUPERVISOR -> requiredForSupervisorsOf(user.regionCode()) || isEnrolled(user);
			default -> false;
		};
	}

	@Transactional(readOnly = true)
	public boolean isEnrolled(CurrentUser user) {
		return factors.isActive(user.id());
	}

	/** Whether this region or one above it requires a second factor of its supervisors. */
	@Transactional(readOnly = true)
	public boolean requiredForSupervisorsOf(String regionCode) {
		var path = RegionCode.parse(regionCode).map(RegionCode::path).orElse(List.of());
		return !path.isEmpty()
				&& !regions.findByRegionCodeInOrderByRegionCode(path.stream().map(RegionCode::toString).toList()).isEmpty();
	}

	/** Whether admins are exempt: the demo database, where a banner says so on every page. */
	public boolean adminsExempt() {
		return !admins.adminsRequired();
	}

}
