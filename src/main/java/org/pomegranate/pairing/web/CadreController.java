package org.pomegranate.pairing.web;

import org.pomegranate.pairing.cadre.Cadre;
import org.pomegranate.pairing.cadre.CadreForm;
import org.pomegranate.pairing.cadre.CadreLevel;
import org.pomegranate.pairing.cadre.CadreQuery;
import org.pomegranate.pairing.cadre.CadreService;
import org.pomegranate.pairing.household.Gender;
import org.pomegranate.pairing.program.PairingService;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.RegionLevel;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.Downloads;
import org.pomegranate.shared.EthnicGroups;
import org.pomegranate.shared.InvalidInputException;
import org.pomegranate.shared.StaleEdits;
import org.pomegranate.shared.TamperedFormException;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.shared.Spreadsheet;
import org.pomegranate.shared.Paging;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Cadres: the list, the form, and the cadre page with their households, last visits and who is
 * overdue.
 */
@Controller
@RequestMapping("/cadres")
class CadreController {

	private final CadreService cadres;

	private final PairingService pairings;

	private final RegionService regions;

	private final RegionScope scope;

	private final EthnicGroups ethnicGroups;

	private final PairingLabels labels;

	private final Clock clock;

	CadreController(CadreService cadres, PairingService pairings, RegionService regions, RegionScope scope,
			EthnicGroups ethnicGroups, PairingLabels labels, Clock clock) {
		this.cadres = cadres;
		this.pairings = pairings;
		this.regions = regions;
		this.scope = scope;
		this.ethnicGroups = ethnicGroups;
		this.labels = labels;
		this.clock = clock;
	}

	@ModelAttribute("ethnicGroups")
	Map<String, String> ethnicGroups() {
		return ethnicGroups.all();
	}

	@GetMapping
	String list(@ModelAttribute("query") CadreQuery query, @RequestParam(defaultValue = "0") int page, Model model) {
		var found = cadres.search(query, PageRequest.of(Paging.page(page), HouseholdController.PAGE_SIZE,
				Sort.by("regionCode", "name", "id")));
		model.addAttribute("cadres", found);
		model.addAttribute("regionNames", regions.names(found.map(Cadre::getRegionCode).toSet()));
		model.addAttribute("levels", CadreLevel.values());
		model.addAttribute("programs", pairings.visiblePrograms());
		return "pairing/cadres";
	}

	@GetMapping("/export")
	void export(@ModelAttribute("query") CadreQuery query, HttpServletResponse response) throws IOException {
		var regionName = regions.nameLookup();
		var download = Downloads.body(response, Downloads.XLSX, labels.text("cadre.list.title") + ".xlsx");
		Spreadsheet.write(download, labels.text("cadre.list.title"),
				List.of(labels.text("cadre.name"), labels.text("cadre.gender"), labels.text("cadre.ethnicity"),
						labels.text("cadre.level"), labels.text("cadre.workUnit"), labels.text("cadre.position"),
						labels.text("cadre.region"), labels.text("cadre.phone"), labels.text("cadre.leftOn")),
				sink -> cadres.export(query, cadre -> sink.accept(Arrays.asList(cadre.getName(), labels.of(cadre.getGender()),
						ethnicGroups.name(cadre.getEthnicity()), labels.of(cadre.getLevel()), cadre.getWorkUnit(),
						cadre.getPosition(), regionName.apply(cadre.getRegionCode()), cadre.maskedPhone(),
						cadre.getLeftOn()))));
	}

	@GetMapping("/new")
	String newCadre(Model model) {
		model.addAttribute("form", CadreForm.empty(scope.prefix()));
		return formView(model, null);
	}

	@PostMapping
	String create(@ModelAttribute("form") CadreForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		TamperedFormException.refuseUnreadable(result);
		try {
			var cadre = cadres.create(form);
			redirect.addFlashAttribute("success", "cadre.created");
			return "redirect:/cadres/" + cadre.getId();
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
		}
		return formView(model, null);
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		var cadre = cadres.get(id);
		model.addAttribute("cadre", cadre);
		model.addAttribute("regionName", regions.names(List.of(cadre.getRegionCode())).get(cadre.getRegionCode()));
		model.addAttribute("pairings", pairings.pairingsOfCadre(id));
		model.addAttribute("elsewhere", cadres.activePairingsElsewhere(id));
		model.addAttribute("visits", pairings.recentVisitsOfCadre(id, 10));
		model.addAttribute("today", ChinaTime.today(clock));
		return "pairing/cadre";
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		var cadre = cadres.get(id);
		model.addAttribute("form", CadreForm.of(cadre));
		return formView(model, cadre);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") CadreForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		TamperedFormException.refuseUnreadable(result);
		var cadre = cadres.get(id);
		try {
			cadres.update(id, StaleEdits.versionOf(form.version()), form);
			redirect.addFlashAttribute("success", "cadre.updated");
			return "redirect:/cadres/" + id;
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
		}
		catch (OptimisticLockingFailureException ex) {
			result.reject("error.staleEdit");
		}
		return formView(model, cadre);
	}

	@PostMapping("/{id}/leave")
	String leave(@PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate leftOn,
			RedirectAttributes redirect) {
		try {
			cadres.leave(id, version, leftOn);
			redirect.addFlashAttribute("success", "cadre.left");
		}
		catch (BusinessRuleException ex) {
			redirect.addFlashAttribute("failure", ex.messageKey());
		}
		catch (OptimisticLockingFailureException ex) {
			redirect.addFlashAttribute("failure", "error.staleEdit");
		}
		return "redirect:/cadres/" + id;
	}

	private String formView(Model model, @Nullable Cadre cadre) {
		model.addAttribute("cadre", cadre);
		model.addAttribute("levels", CadreLevel.values());
		model.addAttribute("genders", Gender.values());
		model.addAttribute("regionChoices", regions.selectable(RegionLevel.TOWNSHIP));
		return "pairing/cadre-form";
	}

}
