package org.pomegranate.unit.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.Downloads;
import org.pomegranate.shared.InvalidInputException;
import org.pomegranate.shared.Masking;
import org.pomegranate.shared.Paging;
import org.pomegranate.shared.Spreadsheet;
import org.pomegranate.shared.StaleEdits;
import org.pomegranate.shared.TamperedFormException;
import org.pomegranate.unit.naming.HolderTitles;
import org.pomegranate.unit.network.CampaignUnit;
import org.pomegranate.unit.network.MergeForm;
import org.pomegranate.unit.network.UnitAction;
import org.pomegranate.unit.network.UnitDuties;
import org.pomegranate.unit.network.UnitEvent;
import org.pomegranate.unit.network.UnitForm;
import org.pomegranate.unit.network.UnitKind;
import org.pomegranate.unit.network.UnitMembers;
import org.pomegranate.unit.network.UnitMembership;
import org.pomegranate.unit.network.UnitQuery;
import org.pomegranate.unit.network.UnitRegistration;
import org.pomegranate.unit.network.UnitState;
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
 * Campaign units: the list (单位名录) with its filters and export, the unit page, the unit form and
 * 撤并.
 */
@Controller
@RequestMapping("/units")
class UnitController {

	static final int PAGE_SIZE = 20;

	private static final List<String> SORTS = List.of("name", "kind", "regionCode", "foundedOn");

	private final UnitRegistration registration;

	private final UnitMembers members;

	private final UnitDuties duties;

	private final HolderTitles titles;

	private final RegionService regions;

	private final UnitLabels labels;

	UnitController(UnitRegistration registration, UnitMembers members, UnitDuties duties, HolderTitles titles,
			RegionService regions, UnitLabels labels) {
		this.registration = registration;
		this.members = members;
		this.duties = duties;
		this.titles = titles;
		this.regions = regions;
		this.labels = labels;
	}

	@ModelAttribute("kinds")
	UnitKind[] kinds() {
		return UnitKind.values();
	}

	@GetMapping
	String list(@ModelAttribute("query") UnitQuery query, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "regionCode") String sort, Model model) {
		var found = registration.search(query, PageRequest.of(Paging.page(page), PAGE_SIZE, sortBy(sort)));
		model.addAttribute("units", found);
		model.addAttribute("regionNames", regions.names(found.map(CampaignUnit::getRegionCode).toSet()));
		model.addAttribute("states", UnitState.values());
		model.addAttribute("sort", sort);
		return "unit/units";
	}

	@GetMapping("/export")
	void export(@ModelAttribute("query") UnitQuery query, HttpServletResponse response) throws IOException {
		var regionName = regions.nameLookup();
		var title = labels.text("unit.list.title");
		var download = Downloads.body(response, Downloads.XLSX, title + ".xlsx");
		Spreadsheet.write(download, title, headers(),
				sink -> registration.export(query, unit -> sink.accept(row(unit, regionName))));
	}

	@GetMapping("/new")
	String newUnit(@RequestParam(required = false) @Nullable Long parent,
			@RequestParam(required = false) @Nullable UnitKind kind,
			@RequestParam(required = false) @Nullable String regionCode, Model model) {
		var form = UnitForm.empty();
		if (parent != null) {
			form = UnitForm.childOf(registration.get(parent));
		}
		else if (kind != null || regionCode != null) {
			form = new UnitForm("", kind, regionCode, null, "", "", "", "", "", 0L, null);
		}
		model.addAttribute("form", form);
		return formView(model, form, null);
	}

	@PostMapping
	String create(@ModelAttribute("form") UnitForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		TamperedFormException.refuseUnreadable(result);
		try {
			var unit = registration.create(form);
			redirect.addFlashAttribute("success", "unit.created");
			return "redirect:/units/" + unit.getId();
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
		}
		return formView(model, form, null);
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		var unit = registration.get(id);
		model.addAttribute("unit", unit);
		model.addAttribute("regionPath", regions.path(unit.getRegionCode()));
		var parent = registration.parentOf(unit);
		model.addAttribute("parent", parent.orElse(null));
		model.addAttribute("parentLinked", parent.filter(registration::visible).isPresent());
		model.addAttribute("children", registration.childrenOf(unit));
		var memberships = members.of(id);
		// The head first, then by role; within a role the newest first, as the service gives them.
		model.addAttribute("current",
				memberships.stream().filter(m -> m.isActive()).sorted(Comparator.comparing(UnitMembership::getRole)).toList());
		model.addAttribute("past", memberships.stream().filter(m -> !m.isActive()).toList());
		model.addAttribute("cadres", members.cadresOf(memberships));
		var statements = duties.statementsOf(id);
		model.addAttribute("statements", statements);
		model.addAttribute("documents", duties.documentsOf(statements));
		model.addAttribute("photos", duties.wallPhotosOf(id));
		model.addAttribute("titles", titles.ofUnit(id));
		var events = registration.historyOf(id);
		model.addAttribute("events", events);
		model.addAttribute("eventDetails",
				events.stream().collect(Collectors.toMap(UnitEvent::getId, e -> labels.historyDetail(e.getDetail()))));
		model.addAttribute("today", registration.today());
		model.addAttribute("mayChange", unit.may(UnitAction.EDIT));
		return "unit/unit";
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable long id, Model model, RedirectAttributes redirect) {
		var unit = registration.get(id);
		if (!unit.may(UnitAction.EDIT)) {
			redirect.addFlashAttribute("failure", unit.refusal(UnitAction.EDIT).orElseThrow());
			return "redirect:/units/" + id;
		}
		var form = UnitForm.of(unit);
		model.addAttribute("form", form);
		return formView(model, form, unit);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") UnitForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		TamperedFormException.refuseUnreadable(result);
		var unit = registration.get(id);
		try {
			registration.update(id, StaleEdits.versionOf(form.version()), form);
			redirect.addFlashAttribute("success", "unit.updated");
			return "redirect:/units/" + id;
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
		}
		catch (BusinessRuleException ex) {
			result.reject(ex.messageKey());
		}
		catch (OptimisticLockingFailureException ex) {
			result.reject("error.staleEdit");
		}
		return formView(model, form, unit);
	}

	@GetMapping("/{id}/merge")
	String mergeForm(@PathVariable long id, Model model, RedirectAttributes redirect) {
		var unit = registration.get(id);
		if (!unit.may(UnitAction.MERGE)) {
			redirect.addFlashAttribute("failure", unit.refusal(UnitAction.MERGE).orElseThrow());
			return "redirect:/units/" + id;
		}
		model.addAttribute("unit", unit);
		model.addAttribute("form", MergeForm.of(unit));
		return "unit/merge";
	}

	@PostMapping("/{id}/merge")
	String merge(@PathVariable long id, @ModelAttribute("form") MergeForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		TamperedFormException.refuseUnreadable(result);
		var unit = registration.get(id);
		try {
			registration.merge(id, StaleEdits.versionOf(form.version()), form);
			redirect.addFlashAttribute("success", "unit.merged");
			return "redirect:/units/" + id;
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
		}
		catch (BusinessRuleException ex) {
			result.reject(ex.messageKey());
		}
		catch (OptimisticLockingFailureException ex) {
			result.reject("error.staleEdit");
		}
		model.addAttribute("unit", unit);
		return "unit/merge";
	}

	private String formView(Model model, UnitForm form, @Nullable CampaignUnit unit) {
		model.addAttribute("unit", unit);
		var choices = new ArrayList<>(registration.parentChoices(form.kind(), form.regionCode()));
		// The parent already chosen stays offered, though it may lie above the user's region.
		if (unit != null && unit.getParentId() != null
				&& choices.stream().noneMatch(c -> c.getId().equals(unit.getParentId()))) {
			registration.parentOf(unit).ifPresent(choices::add);
		}
		model.addAttribute("parentChoices", choices);
		model.addAttribute("parentRegionNames", regions.names(new HashSet<>(choices.stream().map(CampaignUnit::getRegionCode).toList())));
		return "unit/unit-form";
	}

	private List<String> headers() {
		return List.of(labels.text("unit.name"), labels.text("unit.kind"), labels.text("unit.region"),
				labels.text("common.code"), labels.text("unit.creditCode"), labels.text("unit.address"),
				labels.text("unit.personInCharge"), labels.text("unit.phone"), labels.text("unit.foundedOn"),
				labels.text("unit.state"), labels.text("unit.mergedOn"), labels.text("unit.wallPostedOn"));
	}

	private List<@Nullable Object> row(CampaignUnit unit, Function<String, String> regionName) {
		var row = new ArrayList<@Nullable Object>();
		row.add(unit.getName());
		row.add(labels.of(unit.getKind()));
		row.add(regionName.apply(unit.getRegionCode()));
		row.add(unit.getRegionCode());
		row.add(unit.getCreditCode());
		row.add(unit.getAddress());
		row.add(unit.getPersonInCharge());
		row.add(Masking.phone(unit.getPhone()));
		row.add(unit.getFoundedOn());
		row.add(labels.of(unit.getState()));
		row.add(unit.getMergedOn());
		row.add(unit.getWallPostedOn());
		return row;
	}

	private static Sort sortBy(String sort) {
		var property = sort.startsWith("-") ? sort.substring(1) : sort;
		if (!SORTS.contains(property)) {
			property = "regionCode";
		}
		var direction = sort.startsWith("-") ? Sort.Direction.DESC : Sort.Direction.ASC;
		return Sort.by(direction, property).and(Sort.by("name", "id"));
	}

}
