package org.pomegranate.unit.web;

import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.FormText;
import org.pomegranate.unit.network.UnitNetwork;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The 石榴籽 network of a township as a tree: 中心 › 室 › 队, each with its members and 育籽员. */
@Controller
class NetworkController {

	private final UnitNetwork network;

	NetworkController(UnitNetwork network) {
		this.network = network;
	}

	@GetMapping("/units/network")
	String tree(@RequestParam(required = false) @Nullable String region, Model model) {
		var chosen = FormText.clean(region);
		if (chosen == null) {
			chosen = network.ownTownship().orElse(null);
		}
		model.addAttribute("townships", network.townshipChoices());
		model.addAttribute("region", chosen);
		model.addAttribute("tree", chosen == null ? null : network.tree(chosen));
		return "unit/network";
	}

}
