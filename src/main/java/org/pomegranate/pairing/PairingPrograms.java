package org.pomegranate.pairing;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.pomegranate.pairing.program.PairingService;
import org.pomegranate.shared.RegionCode;
import org.springframework.stereotype.Component;

/**
 * The pairing programs that concern a region: those owned by it or a region above (which reach
 * it), and those owned below it. The default is the first: the one owned highest up, which
 * covers the most.
 */
@Component
public class PairingPrograms {

	private final PairingService pairings;

	PairingPrograms(PairingService pairings) {
		this.pairings = pairings;
	}

	/** The programs the current user may see that concern the region, the default first. */
	public List<ProgramSummary> of(String regionCode) {
		var region = RegionCode.of(regionCode);
		return pairings.visiblePrograms()
			.stream()
			.filter(p -> RegionCode.of(p.getRegionCode()).covers(region) || region.covers(RegionCode.of(p.getRegionCode())))
			.map(p -> new ProgramSummary(p.getId(), p.getName(), p.getRegionCode()))
			.toList();
	}

	/** The program asked for if it concerns the region, else the default; null when there is none. */
	public @Nullable ProgramSummary chosen(String regionCode, @Nullable Long asked) {
		var programs = of(regionCode);
		return programs.stream()
			.filter(p -> asked != null && p.id() == asked)
			.findFirst()
			.orElse(programs.isEmpty() ? null : programs.get(0));
	}

	/** A pairing program as other modules see it. */
	public record ProgramSummary(long id, String name, String regionCode) {
	}

}
