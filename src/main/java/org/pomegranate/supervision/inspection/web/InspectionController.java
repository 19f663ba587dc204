package org.pomegranate.supervision.inspection.web;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.pomegranate.assessment.IndicatorArticles;
import org.pomegranate.figures.Period;
import org.pomegranate.files.Upload;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.InvalidInputException;
import org.pomegranate.shared.Paging;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.shared.TamperedFormException;
import org.pomegranate.supervision.inspection.Inspection;
import org.pomegranate.supervision.inspection.InspectionFigures;
import org.pomegranate.supervision.inspection.InspectionForms.FindingForm;
import org.pomegranate.supervision.inspection.InspectionForms.InspectionForm;
import org.pomegranate.supervision.inspection.InspectionKind;
import org.pomegranate.supervision.inspection.Inspections;
import org.pomegranate.supervision.inspection.Severity;
import org.pomegranate.supervision.inspection.TargetPicker;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
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
 * The inspection list, the form of a new inspection (with its pickers) and its edit, its page with
 * findings, recording a finding, and the figures page.
 */
@Controller
class InspectionController {

	static final int PAGE_SIZE = 20;

	private final Inspections inspections;

	private final InspectionFigures figures;

	private final RegionService regions;

	private final TargetPicker picker;

	private final IndicatorArticles articles;

	private final RegionScope scope;

	private final Clock clock;

	InspectionController(Inspections inspections, InspectionFigures figures, TargetPicker picker,
			IndicatorArticles articles, RegionService regions, RegionScope scope, Clock clock) {
		this.inspections = inspections;
		this.picker = picker;
		this.articles = articles;
		this.figures = figures;
		this.regions = regions;
		this.scope = scope;
		this.clock = clock;
	}

	@GetMapping("/inspections")
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		var found = inspections.list(PageRequest.of(Paging.page(page), PAGE_SIZE,
				Sort.by(Sort.Direction.DESC, "startsOn", "id")));
		model.addAttribute("inspections", found);
		model.addAttribute("regionNames", regions.names(found.map(Inspection::getRegionCode).toSet()));
		model.addAttribute("mayCreate", inspections.mayCreate());
		return "supervision/inspection/inspections";
	}

	@GetMapping("/inspections/new")
	String newInspection(Model model) {
		model.addAttribute("form", InspectionForm.empty(ChinaTime.today(clock)));
		return formView(model);
	}

	/**
	 * The unit picker's search: the units already ticked and those of the subtree whose name
	 * contains {@code unitName}, as checkboxes named {@code targetUnits} (htmx swaps them in).
	 */
	@GetMapping("/inspections/unit-options")
	String unitOptions(@RequestParam(required = false) @Nullable String unitName,
			@RequestParam(required = false) @Nullable List<String> targetUnits,
			@RequestParam(defaultValue = "false") boolean praise, Model model) {
		var picked = targetUnits == null ? List.<String>of() : targetUnits;
		var units = picker.units(unitName, picked);
		model.addAttribute("units", units);
		model.addAttribute("picked", picked);
		if (praise) {
			model.addAttribute("titles", picker.titlesOf(List.of(), units.stream().map(TargetPicker.UnitOption::id).toList()));
		}
		return "supervision/inspection/fragments :: unitOptions";
	}

	@PostMapping("/inspections")
	String create(@ModelAttribute("form") InspectionForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		TamperedFormException.refuseUnreadable(result);
		try {
			var inspection = inspections.create(form);
			redirect.addFlashAttribute("success", "inspection.created");
			return "redirect:/inspections/" + inspection.getId();
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
		}
		catch (BusinessRuleException ex) {
			result.reject(ex.messageKey());
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return formView(model);
	}

	private String formView(Model model) {
		var form = (InspectionForm) model.getAttribute("form");
		model.addAttribute("kinds", InspectionKind.values());
		model.addAttribute("regionGroups", picker.regionGroups());
		model.addAttribute("units", picker.units(null,
				form == null || form.targetUnits() == null ? List.of() : form.targetUnits()));
		model.addAttribute("picked", form == null || form.targetUnits() == null ? List.of() : form.targetUnits());
		model.addAttribute("members", picker.members());
		return "supervision/inspection/form";
	}

	@GetMapping("/inspections/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		var inspection = inspections.get(id);
		if (!inspections.mayEdit(inspection)) {
			throw new BusinessRuleException("inspection.refused.verified");
		}
		model.addAttribute("inspection", inspection);
		model.addAttribute("form", InspectionForm.of(inspection));
		return formView(model);
	}

	/** Saves an edit; a form opened before another edit is refused with what was typed kept. */
	@PostMapping("/inspections/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") InspectionForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		TamperedFormException.refuseUnreadable(result);
		try {
			inspections.edit(id, form);
			redirect.addFlashAttribute("success", "inspection.saved");
			return "redirect:/inspections/" + id;
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		catch (BusinessRuleException ex) {
			result.reject(ex.messageKey());
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		catch (OptimisticLockingFailureException ex) {
			result.reject("inspection.error.stale");
			response.setStatus(HttpStatus.CONFLICT.value());
		}
		model.addAttribute("inspection", inspections.get(id));
		return formView(model);
	}

	@GetMapping("/inspections/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("findingForm", FindingForm.empty());
		return page(inspections.get(id), model);
	}

	@PostMapping("/inspections/{id}/findings")
	String recordFinding(@PathVariable long id, @ModelAttribute("findingForm") FindingForm form, BindingResult result,
			@RequestParam(name = "evidence", required = false) @Nullable List<MultipartFile> evidence, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		TamperedFormException.refuseUnreadable(result);
		var inspection = inspections.get(id);
		try {
			inspections.recordFinding(id, form, Upload.of(evidence));
			redirect.addFlashAttribute("success", "inspection.findingRecorded");
			return "redirect:/inspections/" + id;
		}
		catch (InvalidInputException ex) {
			ex.addTo(result, "evidence");
		}
		catch (BusinessRuleException ex) {
			model.addAttribute("failure", ex.messageKey());
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page(inspection, model);
	}

	private String page(Inspection inspection, Model model) {
		var rows = inspections.findings(inspection);
		var codes = new ArrayList<String>();
		codes.add(inspection.getRegionCode());
		inspection.getTargets().forEach(t -> codes.add(t.getRegionCode()));
		model.addAttribute("inspection", inspection);
		model.addAttribute("findings", rows);
		model.addAttribute("regionNames", inspections.regionNames(codes));
		model.addAttribute("mayRun", inspections.mayRun(inspection));
		model.addAttribute("mayEdit", inspections.mayEdit(inspection));
		var published = articles.published();
		model.addAttribute("articlesByFramework", published.stream()
			.collect(Collectors.groupingBy(IndicatorArticles.ArticleRef::frameworkId, LinkedHashMap::new,
					Collectors.toList())));
		model.addAttribute("articleById", published.stream().collect(Collectors.toMap(IndicatorArticles.ArticleRef::id, a -> a)));
		model.addAttribute("severities", Severity.values());
		model.addAttribute("today", ChinaTime.today(clock));
		model.addAttribute("maxEvidence", Inspections.MAX_EVIDENCE);
		return "supervision/inspection/inspection";
	}

	/**
	 * The supervision figures of a region in scope over a period (this month by default), each a
	 * link to the list behind it, and the same for each region directly below.
	 */
	@GetMapping("/inspections/figures")
	String figures(@RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @Nullable String period, Model model) {
		var today = ChinaTime.today(clock);
		var chosen = period == null || period.isBlank() ? Period.month(YearMonth.from(today)) : Period.parse(period);
		var code = region == null || region.isBlank() ? scope.prefix() : region.strip();
		var day = chosen.standingOn(today);
		model.addAttribute("region", regions.get(code));
		model.addAttribute("period", chosen);
		model.addAttribute("day", day);
		model.addAttribute("keys", InspectionFigures.KEYS);
		var table = figures.withRegionsBelow(code, chosen, day);
		model.addAttribute("counts", table.total());
		model.addAttribute("links", InspectionFigures.links(code, chosen, day));
		var childRows = new ArrayList<ChildRow>();
		var names = regions.names(table.below().keySet());
		table.below().forEach((child, counts) -> childRows.add(new ChildRow(child, names.getOrDefault(child, child),
				counts, InspectionFigures.links(child, chosen, day))));
		model.addAttribute("children", childRows);
		return "supervision/inspection/figures";
	}

	/** A region below with its counts and the list behind each. */
	record ChildRow(String code, String name, InspectionFigures.Counts counts, java.util.Map<String, String> links) {
	}

}
