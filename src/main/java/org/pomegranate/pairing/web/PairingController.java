package org.pomegranate.pairing.web;

import org.pomegranate.pairing.VisitKind;
import org.pomegranate.pairing.cadre.CadreQuery;
import org.pomegranate.pairing.cadre.CadreService;
import org.pomegranate.pairing.household.HouseholdService;
import org.pomegranate.pairing.program.Pairing;
import org.pomegranate.pairing.program.PairingQuery;
import org.pomegranate.pairing.program.PairingService;
import org.pomegranate.pairing.program.Visit;
import org.pomegranate.pairing.program.VisitForm;
import org.pomegranate.pairing.program.VisitQuery;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.pomegranate.files.Upload;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.Downloads;
import org.pomegranate.shared.InvalidInputException;
import org.pomegranate.shared.TamperedFormException;
import org.pomegranate.shared.Spreadsheet;
import org.pomegranate.shared.Paging;
import org.pomegranate.shared.RegionCode;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pairings and their visits: the lists, pairing a household, ending and reassigning a pairing,
 * recording a visit with photos.
 */
@Controller
class PairingController {

	private final PairingService pairings;

	private final HouseholdService households;

	private final CadreService cadres;

	private final RegionService regions;

	private final PairingLabels labels;

	private final Clock clock;

	PairingController(PairingService pairings, HouseholdService households, CadreService cadres,
			RegionService regions, PairingLabels labels, Clock clock) {
		this.pairings = pairings;
		this.households = households;
		this.cadres = cadres;
		this.regions = regions;
		this.labels = labels;
		this.clock = clock;
	}

	@GetMapping("/pairings")
	String list(@ModelAttribute("query") PairingQuery query, @RequestParam(defaultValue = "0") int page, Model model) {
		var found = pairings.search(query, PageRequest.of(Paging.page(page), HouseholdController.PAGE_SIZE,
				Sort.by("regionCode", "id")));
		model.addAttribute("pairings", found);
		model.addAttribute("cadreCards", cadres.cardsOf(found.map(Pairing::getCadre).toList()));
		model.addAttribute("regionNames", regions.names(found.map(Pairing::getRegionCode).toSet()));
		model.addAttribute("programs", pairings.visiblePrograms());
		model.addAttribute("today", ChinaTime.today(clock));
		return "pairing/pairings";
	}

	@GetMapping("/pairings/export")
	void export(@ModelAttribute("query") PairingQuery query, HttpServletResponse response) throws IOException {
		var today = ChinaTime.today(clock);
		var regionName = regions.nameLookup();
		var download = Downloads.body(response, Downloads.XLSX, labels.text("pairing.list.title") + ".xlsx");
		Spreadsheet.write(download, labels.text("pairing.list.title"),
				List.of(labels.text("pairing.program"), labels.text("pairing.household"), labels.text("household.village"),
						labels.text("pairing.cadre"), labels.text("cadre.workUnit"), labels.text("cadre.level"),
						labels.text("cadre.phone"), labels.text("pairing.startedOn"), labels.text("pairing.endedOn"),
						labels.text("pairing.endReason"), labels.text("pairing.lastVisitOn"), labels.text("pairing.overdue")),
				sink -> pairings.export(query, p -> {
					var cadre = cadres.cardsOf(List.of(p.getCadre())).get(p.getCadre().getId());
					sink.accept(Arrays.asList(p.getProgram().getName(), p.getHousehold().getHeadName(),
						regionName.apply(p.getRegionCode()), cadre.name(), cadre.workUnit(), labels.of(cadre.level()),
						cadre.maskedPhone(), p.getStartedOn(), p.getEndedOn(), p.getEndReason(), p.getLastVisitOn(),
						labels.text(p.isOverdue(today) ? "common.yes" : "common.no")));
				}));
	}

	@GetMapping("/pairings/new")
	String newPairing(@RequestParam long household, @RequestParam(required = false) @Nullable Long program,
			Model model) {
		var target = households.get(household);
		var programs = pairings.visiblePrograms()
			.stream()
			.filter(p -> p.isActive() && p.targets(target)
					&& RegionCode.of(p.getRegionCode()).covers(RegionCode.of(target.getRegionCode())))
			.toList();
		model.addAttribute("household", target);
		model.addAttribute("programs", programs);
		var chosen = program != null ? pairings.program(program) : programs.isEmpty() ? null : programs.get(0);
		model.addAttribute("program", chosen);
		if (chosen != null) {
			model.addAttribute("cadres", cadres.search(new CadreQuery(null, null, null, true, chosen.getId(), null),
					PageRequest.of(0, 500, Sort.by("regionCode", "name")))
				.stream()
				.filter(c -> chosen.acceptsCadreFrom(c.getRegionCode(), target.getRegionCode()))
				.toList());
		}
		model.addAttribute("today", ChinaTime.today(clock));
		return "pairing/pairing-new";
	}

	@PostMapping("/pairings")
	String create(@RequestParam long household, @RequestParam long program, @RequestParam(required = false) @Nullable Long cadre,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate startedOn,
			@RequestParam(required = false) @Nullable UUID submission, RedirectAttributes redirect) {
		if (cadre == null) {
			redirect.addFlashAttribute("failure", "pairing.error.cadreRequired");
			return "redirect:/pairings/new?household=" + household + "&program=" + program;
		}
		try {
			pairings.pair(program, cadre, household, startedOn, submission);
			redirect.addFlashAttribute("success", "pairing.created");
			return "redirect:/households/" + household;
		}
		catch (BusinessRuleException ex) {
			redirect.addFlashAttribute("failure", ex.messageKey());
			return "redirect:/pairings/new?household=" + household + "&program=" + program;
		}
	}

	@PostMapping("/pairings/{id}/end")
	String end(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) @Nullable String reason,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate endedOn,
			RedirectAttributes redirect) {
		var pairing = pairings.get(id);
		return change(() -> pairings.end(id, version, endedOn, reason), "pairing.ended", pairing, redirect);
	}

	@PostMapping("/pairings/{id}/reassign")
	String reassign(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) @Nullable Long cadre,
			@RequestParam(required = false) @Nullable String reason,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate on,
			RedirectAttributes redirect) {
		var pairing = pairings.get(id);
		if (cadre == null) {
			redirect.addFlashAttribute("failure", "pairing.error.cadreRequired");
			return "redirect:/households/" + pairing.getHousehold().getId();
		}
		return change(() -> pairings.reassign(id, version, cadre, on, reason), "pairing.reassigned", pairing, redirect);
	}

	@GetMapping("/pairings/{id}/visits/new")
	String newVisit(@PathVariable long id, Model model) {
		var pairing = pairings.get(id);
		model.addAttribute("form", VisitForm.empty(ChinaTime.today(clock), pairing.getCadre().getName()));
		return visitForm(pairing, model);
	}

	@PostMapping("/pairings/{id}/visits")
	String recordVisit(@PathVariable long id, @ModelAttribute("form") VisitForm form, BindingResult result,
			@RequestParam(name = "photos", required = false) @Nullable List<MultipartFile> files, Model model,
			RedirectAttributes redirect) throws IOException {
		TamperedFormException.refuseUnreadable(result);
		var pairing = pairings.get(id);
		try {
			var visit = pairings.recordVisit(id, form, Upload.of(files));
			redirect.addFlashAttribute("success", "visit.created");
			return "redirect:/households/" + visit.getHouseholdId();
		}
		catch (InvalidInputException ex) {
			ex.addTo(result, "photos");
		}
		return visitForm(pairing, model);
	}

	@GetMapping("/visits")
	String visits(@ModelAttribute("query") VisitQuery query, @RequestParam(defaultValue = "0") int page, Model model) {
		var found = pairings.searchVisits(query, PageRequest.of(Paging.page(page), HouseholdController.PAGE_SIZE,
				Sort.by(Sort.Direction.DESC, "visitedOn", "id")));
		model.addAttribute("visits", found);
		model.addAttribute("regionNames", regions.names(found.map(Visit::getRegionCode).toSet()));
		model.addAttribute("programs", pairings.visiblePrograms());
		model.addAttribute("kinds", VisitKind.values());
		return "pairing/visits";
	}

	@GetMapping("/visits/export")
	void exportVisits(@ModelAttribute("query") VisitQuery query, HttpServletResponse response) throws IOException {
		var regionName = regions.nameLookup();
		var download = Downloads.body(response, Downloads.XLSX, labels.text("visit.list.title") + ".xlsx");
		Spreadsheet.write(download, labels.text("visit.list.title"),
				List.of(labels.text("visit.visitedOn"), labels.text("visit.kind"), labels.text("pairing.household"),
						labels.text("household.village"), labels.text("pairing.cadre"), labels.text("visit.visitors"),
						labels.text("visit.findings"), labels.text("visit.actionsTaken"), labels.text("visit.aidAmount"),
						labels.text("visit.followUpNeeded")),
				sink -> pairings.exportVisits(query, v -> sink.accept(Arrays.asList(v.getVisitedOn(), labels.of(v.getKind()),
						v.getPairing().getHousehold().getHeadName(), regionName.apply(v.getRegionCode()),
						v.getPairing().getCadre().getName(), v.getVisitors(), v.getFindings(), v.getActionsTaken(),
						v.getAidAmount(), labels.text(v.isFollowUpNeeded() ? "common.yes" : "common.no")))));
	}

	private String visitForm(Pairing pairing, Model model) {
		model.addAttribute("pairing", pairing);
		model.addAttribute("cadreCard", cadres.cardsOf(List.of(pairing.getCadre())).get(pairing.getCadre().getId()));
		model.addAttribute("kinds", VisitKind.values());
		model.addAttribute("maxPhotos", PairingService.MAX_PHOTOS);
		return "pairing/visit-form";
	}

	private String change(Runnable action, String successKey, Pairing pairing, RedirectAttributes redirect) {
		try {
			action.run();
			redirect.addFlashAttribute("success", successKey);
		}
		catch (BusinessRuleException ex) {
			redirect.addFlashAttribute("failure", ex.messageKey());
		}
		catch (OptimisticLockingFailureException ex) {
			redirect.addFlashAttribute("failure", "error.staleEdit");
		}
		return "redirect:/households/" + pairing.getHousehold().getId();
	}

}
