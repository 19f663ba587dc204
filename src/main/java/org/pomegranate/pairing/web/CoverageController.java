package org.pomegranate.pairing.web;

import org.pomegranate.pairing.Coverage;
import org.pomegranate.pairing.program.PairingService;
import org.jspecify.annotations.Nullable;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.RegionScope;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Coverage (覆盖情况) of a program for the user's region and each region below, with every figure
 * linking to the records behind it.
 */
@Controller
class CoverageController {

	private final Coverage coverage;

	private final PairingService pairings;

	private final RegionService regions;

	private final RegionScope scope;

	CoverageController(Coverage coverage, PairingService pairings, RegionService regions, RegionScope scope) {
		this.coverage = coverage;
		this.pairings = pairings;
		this.regions = regions;
		this.scope = scope;
	}

	@GetMapping("/coverage")
	String coverage(@RequestParam(required = false) @Nullable Long program,
			@RequestParam(required = false) @Nullable String region, Model model) {
		var programs = pairings.visiblePrograms();
		model.addAttribute("programs", programs);
		if (programs.isEmpty()) {
			return "pairing/coverage";
		}
		long programId = program != null ? program : programs.get(0).getId();
		var regionCode = region != null && !region.isBlank() ? region : scope.prefix();
		model.addAttribute("report", coverage.of(programId, regionCode));
		model.addAttribute("path", regions.path(regionCode));
		return "pairing/coverage";
	}

}
