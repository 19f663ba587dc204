package org.pomegranate.dashboard;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.pomegranate.pairing.PairingService;
import org.springframework.stereotype.Component;

/**
 * The pairing programs that concern a region: those owned by it or a region above (which reach
 * it), and those owned below it. The default is the first: the one owned highest up, which
 * covers the most.
 */
@Component
class Programs {

	private final PairingService pairings;

	Programs(PairingService pairings) {
		this.pairings = pairings;
	}

	List<Statistics.Program> of(String regionCode) {
		return pairings.visiblePrograms()
			.stream()
			.filter(p -> regionCode.startsWith(p.getRegionCode()) || p.getRegionCode().startsWith(regionCode))
			.map(p -> new Statistics.Program(p.getId(), p.getName(), p.getRegionCode()))
			.toList();
	}

	/** The program asked for if it concerns the region, else the default; null when there is none. */
	Statistics.@Nullable Program chosen(String regionCode, @Nullable Long asked) {
		var programs = of(regionCode);
		return programs.stream()
			.filter(p -> asked != null && p.id() == asked)
			.findFirst()
			.orElse(programs.isEmpty() ? null : programs.get(0));
	}

}
