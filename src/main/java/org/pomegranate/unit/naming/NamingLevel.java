package org.pomegranate.unit.naming;

import java.util.List;
import java.util.Optional;

import org.pomegranate.shared.RegionLevel;

/**
 * The level of a title (县级, 州级, 省级, 国家级): the level of the region that names it, except a
 * national title, which a province records. Lower first.
 */
public enum NamingLevel {

	COUNTY, PREFECTURE, PROVINCE, NATIONAL;

	/** The level below, whose title a title of this level may require; none below 县级. */
	public Optional<NamingLevel> lower() {
		return ordinal() == 0 ? Optional.empty() : Optional.of(values()[ordinal() - 1]);
	}

	/** The levels a region of {@code level} issues: its own, and for a province also the national one it records. */
	public static List<NamingLevel> issuedBy(RegionLevel level) {
		return switch (level) {
			case PROVINCE -> List.of(PROVINCE, NATIONAL);
			case PREFECTURE -> List.of(PREFECTURE);
			case COUNTY -> List.of(COUNTY);
			default -> List.of();
		};
	}

}
