package org.pomegranate.assessment.framework;

import java.util.Optional;

import org.pomegranate.shared.RegionCode;
import org.pomegranate.shared.RegionLevel;

/**
 * Who asks to author a framework: their name, whether they are an admin, and their region.
 * Frameworks are authored by the admins of a province or a prefecture, for their own region and
 * the regions below it.
 */
public record Author(String username, boolean admin, String regionCode) {

	/** Why this user may author no framework at all; empty for an admin of a province or prefecture. */
	public Optional<String> authoringRefusal() {
		if (!admin) {
			return Optional.of("framework.refused.role");
		}
		var level = RegionCode.of(regionCode).level();
		return level == RegionLevel.PROVINCE || level == RegionLevel.PREFECTURE ? Optional.empty()
				: Optional.of("framework.refused.level");
	}

	/** Whether {@code issuer} is the author's region or lies below it. */
	public boolean covers(String issuer) {
		return RegionCode.of(regionCode).covers(RegionCode.of(issuer));
	}

}
