package org.pomegranate.pairing.web;

import org.pomegranate.pairing.household.HouseholdTransfer;
import org.pomegranate.pairing.household.HouseholdTransfers;
import org.pomegranate.pairing.program.Pairing;
import org.pomegranate.pairing.program.PairingService;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.BusinessRuleException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Transfer requests (迁移申请): the admins' list and decision, and a requester's own requests.
 */
@Controller
@RequestMapping("/transfers")
class TransferController {

	private final HouseholdTransfers transfers;

	private final PairingService pairings;

	private final RegionService regions;

	private final PairingLabels labels;

	TransferController(HouseholdTransfers transfers, PairingService pairings, RegionService regions, PairingLabels labels) {
		this.transfers = transfers;
		this.pairings = pairings;
		this.regions = regions;
		this.labels = labels;
	}

	@GetMapping
	String list(Model model) {
		var open = transfers.open();
		var decided = transfers.recentlyDecided();
		var codes = new HashSet<String>();
		for (var transfer : concat(open, decided)) {
			codes.add(transfer.getFromRegionCode());
			codes.add(transfer.getToRegionCode());
		}
		model.addAttribute("open", open);
		model.addAttribute("decided", decided);
		model.addAttribute("regionNames", regions.names(codes));
		return "pairing/transfers";
	}

	@GetMapping("/mine")
	String mine(Model model) {
		var mine = transfers.mine();
		model.addAttribute("transfers", mine);
		model.addAttribute("regionNames", regions.names(mine.stream().map(HouseholdTransfers.SentTransfer::toRegionCode).toList()));
		return "pairing/transfers-mine";
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		var transfer = transfers.get(id);
		var household = transfers.householdOf(transfer);
		model.addAttribute("transfer", transfer);
		model.addAttribute("household", household);
		model.addAttribute("fromPath", regions.path(transfer.getFromRegionCode()));
		model.addAttribute("toPath", regions.path(transfer.getToRegionCode()));
		model.addAttribute("activePairings",
				pairings.historyOfHousehold(household.getId()).stream().filter(Pairing::isActive).toList());
		return "pairing/transfer";
	}

	@PostMapping("/{id}/approve")
	String approve(@PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
		return decide(id, () -> transfers.approve(id, version, labels.text("transfer.endReason")), "transfer.approved",
				redirect);
	}

	@PostMapping("/{id}/refuse")
	String refuse(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) @Nullable String reason,
			RedirectAttributes redirect) {
		return decide(id, () -> transfers.refuse(id, version, reason), "transfer.refused", redirect);
	}

	private String decide(long id, Runnable decision, String successKey, RedirectAttributes redirect) {
		transfers.get(id);
		try {
			decision.run();
			redirect.addFlashAttribute("success", successKey);
			return "redirect:/transfers";
		}
		catch (BusinessRuleException ex) {
			redirect.addFlashAttribute("failure", ex.messageKey());
		}
		catch (OptimisticLockingFailureException ex) {
			redirect.addFlashAttribute("failure", "error.staleEdit");
		}
		return "redirect:/transfers/" + id;
	}

	private static List<HouseholdTransfer> concat(List<HouseholdTransfer> a, List<HouseholdTransfer> b) {
		var all = new ArrayList<HouseholdTransfer>(a);
		all.addAll(b);
		return all;
	}

}
