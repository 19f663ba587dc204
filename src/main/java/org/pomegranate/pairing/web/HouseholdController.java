package org.pomegranate.pairing.web;

import org.pomegranate.pairing.cadre.Cadre;
import org.pomegranate.pairing.cadre.CadreQuery;
import org.pomegranate.pairing.cadre.CadreService;
import org.pomegranate.pairing.household.DuplicateHouseholdException;
import org.pomegranate.pairing.household.Household;
import org.pomegranate.pairing.household.HouseholdCategory;
import org.pomegranate.pairing.household.HouseholdForm;
import org.pomegranate.pairing.household.HouseholdQuery;
import org.pomegranate.pairing.household.HouseholdService;
import org.pomegranate.pairing.household.TransferRequestedException;
import org.pomegranate.pairing.program.Pairing;
import org.pomegranate.pairing.program.PairingService;
import org.pomegranate.pairing.program.PairingStatus;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.function.Function;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.Downloads;
import org.pomegranate.shared.EthnicGroups;
import org.pomegranate.shared.InvalidInputException;
import org.pomegranate.shared.StaleEdits;
import org.pomegranate.shared.TamperedFormException;
import org.pomegranate.shared.Masking;
import org.pomegranate.shared.Spreadsheet;
import org.pomegranate.shared.Paging;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Households: the list a township worker searches and exports, the form, and the household page
 * with its pairings and visit timeline.
 */
@Controller
@RequestMapping("/households")
class HouseholdController {

	static final int PAGE_SIZE = 20;

	private static final List<String> SORTS = List.of("headName", "regionCode", "memberCount", "updatedAt");

	private final HouseholdService households;

	private final PairingService pairings;

	private final RegionService regions;

	private final EthnicGroups ethnicGroups;

	private final PairingLabels labels;

	private final CadreService cadres;

	private final Clock clock;

	HouseholdController(HouseholdService households, PairingService pairings, CadreService cadres,
			RegionService regions, EthnicGroups ethnicGroups, PairingLabels labels, Clock clock) {
		this.households = households;
		this.cadres = cadres;
		this.clock = clock;
		this.pairings = pairings;
		this.regions = regions;
		this.ethnicGroups = ethnicGroups;
		this.labels = labels;
	}

	@ModelAttribute("ethnicGroups")
	Map<String, String> ethnicGroups() {
		return ethnicGroups.all();
	}

	@GetMapping
	String list(@ModelAttribute("query") HouseholdQuery query, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "regionCode") String sort, Model model) {
		var found = households.search(query, PageRequest.of(Paging.page(page), PAGE_SIZE, sortBy(sort)));
		model.addAttribute("households", found);
		model.addAttribute("regionNames", regions.names(found.map(Household::getRegionCode).toSet()));
		model.addAttribute("programs", pairings.visiblePrograms());
		model.addAttribute("categories", HouseholdCategory.values());
		model.addAttribute("statuses", List.of(PairingStatus.UNPAIRED, PairingStatus.PAIRED, PairingStatus.OVERDUE));
		model.addAttribute("sort", sort);
		return "pairing/households";
	}

	@GetMapping("/export")
	void export(@ModelAttribute("query") HouseholdQuery query, HttpServletResponse response) throws IOException {
		var regionName = regions.nameLookup();
		var download = Downloads.body(response, Downloads.XLSX, labels.text("household.list.title") + ".xlsx");
		Spreadsheet.write(download, labels.text("household.list.title"), headers(),
				sink -> households.export(query, household -> sink.accept(row(household, false, regionName))));
	}

	/** ID numbers and phones in full: a POST (nothing personal in a URL), audited, supervisors and admins only. */
	@PostMapping("/export-unmasked")
	void exportUnmasked(@ModelAttribute("query") HouseholdQuery query, HttpServletResponse response)
			throws IOException {
		var regionName = regions.nameLookup();
		var download = Downloads.body(response, Downloads.XLSX, labels.text("household.list.title") + ".xlsx");
		Spreadsheet.write(download, labels.text("household.list.title"), headers(),
				sink -> households.exportUnmasked(query, household -> sink.accept(row(household, true, regionName))));
	}

	@GetMapping("/new")
	String newHousehold(@RequestParam(required = false) @Nullable String village, Model model) {
		var form = HouseholdForm.empty();
		if (village != null) {
			form = new HouseholdForm("", "", form.ethnicity(), "", village, "", "1", List.of(), "", 0L, null);
		}
		model.addAttribute("form", form);
		return formView(model, null);
	}

	@PostMapping
	String create(@ModelAttribute("form") HouseholdForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		TamperedFormException.refuseUnreadable(result);
		try {
			var household = households.create(form);
			redirect.addFlashAttribute("success", "household.created");
			return "redirect:/households/" + household.getId();
		}
		catch (DuplicateHouseholdException ex) {
			model.addAttribute("duplicateId", ex.existingId());
			result.rejectValue("idNumber", "household.error.duplicate");
		}
		catch (TransferRequestedException ex) {
			// Registered in a region outside the user's scope: a request was sent; nothing says where.
			redirect.addFlashAttribute("success", ex.messageKey());
			return "redirect:/transfers/mine";
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
		}
		return formView(model, null);
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		var household = households.get(id);
		model.addAttribute("household", household);
		model.addAttribute("regionPath", regions.path(household.getRegionCode()));
		var history = pairings.historyOfHousehold(id);
		model.addAttribute("pairings", history);
		model.addAttribute("cadreCards", cadres.cardsOf(history.stream().map(Pairing::getCadre).toList()));
		var reassignChoices = new HashMap<Long, List<Cadre>>();
		history.stream().filter(Pairing::isActive).forEach(p -> reassignChoices.put(p.getId(), cadres.search(
				new CadreQuery(null, null, null, true, p.getProgram().getId(), null),
				PageRequest.of(0, 500, Sort.by("regionCode", "name")))
			.stream()
			.filter(c -> p.getProgram().acceptsCadreFrom(c.getRegionCode(), household.getRegionCode()))
			.toList()));
		model.addAttribute("reassignChoices", reassignChoices);
		model.addAttribute("today", ChinaTime.today(clock));
		var visits = pairings.visitsOfHousehold(id);
		model.addAttribute("visits", visits);
		model.addAttribute("photos", pairings.photosOf(visits));
		model.addAttribute("programs", pairings.visiblePrograms());
		return "pairing/household";
	}

	/** Shows the full ID number and phone in place (htmx), after an audited request. */
	@PostMapping("/{id}/reveal")
	String reveal(@PathVariable long id, Model model) {
		model.addAttribute("personal", households.reveal(id));
		return "pairing/household :: personal";
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		var household = households.get(id);
		model.addAttribute("form", HouseholdForm.of(household));
		return formView(model, household);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") HouseholdForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		TamperedFormException.refuseUnreadable(result);
		var household = households.get(id);
		try {
			households.update(id, StaleEdits.versionOf(form.version()), form);
			redirect.addFlashAttribute("success", "household.updated");
			return "redirect:/households/" + id;
		}
		catch (DuplicateHouseholdException ex) {
			model.addAttribute("duplicateId", ex.existingId());
			result.rejectValue("idNumber", "household.error.duplicate");
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
		}
		catch (OptimisticLockingFailureException ex) {
			result.reject("error.staleEdit");
		}
		return formView(model, household);
	}

	private String formView(Model model, @Nullable Household household) {
		model.addAttribute("household", household);
		model.addAttribute("categories", HouseholdCategory.values());
		return "pairing/household-form";
	}

	private List<String> headers() {
		return List.of(labels.text("household.headName"), labels.text("household.idNumber"),
				labels.text("household.ethnicity"), labels.text("household.phone"), labels.text("household.village"),
				labels.text("common.code"), labels.text("household.address"), labels.text("household.memberCount"),
				labels.text("household.categories"), labels.text("household.notes"));
	}

	private List<@Nullable Object> row(Household household, boolean unmasked, Function<String, String> regionName) {
		var row = new ArrayList<@Nullable Object>();
		row.add(household.getHeadName());
		row.add(unmasked ? household.getIdNumber() : household.maskedIdNumber());
		row.add(ethnicGroups.name(household.getEthnicity()));
		row.add(unmasked ? household.getPhone() : Masking.phone(household.getPhone()));
		row.add(regionName.apply(household.getRegionCode()));
		row.add(household.getRegionCode());
		row.add(household.getAddress());
		row.add(household.getMemberCount());
		row.add(labels.of(household.categorySet()));
		row.add(household.getNotes());
		return row;
	}

	private static Sort sortBy(String sort) {
		var property = sort.startsWith("-") ? sort.substring(1) : sort;
		if (!SORTS.contains(property)) {
			property = "regionCode";
		}
		var direction = sort.startsWith("-") ? Sort.Direction.DESC : Sort.Direction.ASC;
		return Sort.by(direction, property).and(Sort.by("id"));
	}

}
