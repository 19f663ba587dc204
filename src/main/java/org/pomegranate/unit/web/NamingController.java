package org.pomegranate.unit.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.Downloads;
import org.pomegranate.shared.InvalidInputException;
import org.pomegranate.shared.Paging;
import org.pomegranate.shared.RegionLevel;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.shared.Spreadsheet;
import org.pomegranate.shared.TamperedFormException;
import org.pomegranate.unit.naming.Holder;
import org.pomegranate.unit.naming.HolderKind;
import org.pomegranate.unit.naming.Holders;
import org.pomegranate.unit.naming.Naming;
import org.pomegranate.unit.naming.NamingAction;
import org.pomegranate.unit.naming.NamingForms.ApplicationForm;
import org.pomegranate.unit.naming.NamingForms.EndRectificationForm;
import org.pomegranate.unit.naming.NamingForms.NameForm;
import org.pomegranate.unit.naming.NamingForms.NoteForm;
import org.pomegranate.unit.naming.NamingForms.RecheckForm;
import org.pomegranate.unit.naming.NamingForms.RevokeForm;
import org.pomegranate.unit.naming.NamingLabels;
import org.pomegranate.unit.naming.NamingLevel;
import org.pomegranate.unit.naming.NamingQuery;
import org.pomegranate.unit.naming.NamingReminders;
import org.pomegranate.unit.naming.NamingService;
import org.pomegranate.unit.naming.NamingState;
import org.pomegranate.unit.naming.RecheckService;
import org.pomegranate.unit.network.UnitKind;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The title list and its export, the application form (申报) with its holder chooser, the title
 * page with its history, re-checks and the steps this user may take, and 即将到期.
 */
@Controller
class NamingController {

	static final int PAGE_SIZE = 20;

	private static final List<String> SORTS = List.of("namedOn", "validUntil", "appliedOn", "holderName", "level",
			"state", "title");

	private static final int CHOOSER_LIMIT = 200;

	private final NamingService namings;

	private final RecheckService rechecks;

	private final NamingReminders reminders;

	private final Holders holders;

	private final RegionService regions;

	private final RegionScope scope;

	private final NamingLabels labels;

	private final NamingPages pages;

	private final TitlePage titlePage;

	NamingController(NamingService namings, RecheckService rechecks, NamingReminders reminders, Holders holders,
			RegionService regions, RegionScope scope, NamingLabels labels, NamingPages pages, TitlePage titlePage) {
		this.namings = namings;
		this.rechecks = rechecks;
		this.reminders = reminders;
		this.holders = holders;
		this.regions = regions;
		this.scope = scope;
		this.labels = labels;
		this.pages = pages;
		this.titlePage = titlePage;
	}

	@GetMapping("/namings")
	String list(@ModelAttribute("query") NamingQuery query, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "-namedOn") String sort, Model model) {
		var found = namings.search(query, PageRequest.of(Paging.page(page), PAGE_SIZE, sortBy(sort)));
		model.addAttribute("namings", found);
		model.addAttribute("regionNames", pages.regionNames(found.getContent()));
		model.addAttribute("sort", sort);
		model.addAttribute("today", namings.today());
		model.addAttribute("holderKinds", HolderKind.values());
		model.addAttribute("levels", NamingLevel.values());
		model.addAttribute("states", NamingState.values());
		model.addAttribute("may", namings.permissions());
		return "naming/list";
	}

	@GetMapping("/namings/export")
	void export(@ModelAttribute("query") NamingQuery query, HttpServletResponse response) throws IOException {
		var title = labels.text("naming.list.title");
		var regionName = regions.nameLookup();
		var today = namings.today();
		var headers = List.of("naming.title", "naming.holder", "naming.holderKind", "naming.holderRegion", "common.code",
				"naming.level", "naming.issuer", "naming.state", "naming.flagged", "naming.appliedOn", "naming.namedOn",
				"naming.validUntil", "naming.decisionNumber", "naming.batch", "naming.revokedOn", "naming.revocationNumber")
			.stream()
			.map(labels::text)
			.toList();
		var download = Downloads.body(response, Downloads.XLSX, title + ".xlsx");
		Spreadsheet.write(download, title, headers, sink -> namings.export(query,
				n -> sink.accept(Arrays.asList(n.getTitle(), n.getHolderName(), labels.of(n.getHolderKind()),
						regionName.apply(n.getHolderRegionCode()), n.getHolderRegionCode(), labels.of(n.getLevel()),
						regionName.apply(n.getIssuerRegionCode()), labels.of(n.stateOn(today)),
						labels.text(n.isFlaggedForReview() ? "common.yes" : "common.no"), n.getAppliedOn(), n.getNamedOn(),
						n.getValidUntil(), n.getDecisionNumber(), n.getBatchId(), n.getRevokedOn(),
						n.getRevocationNumber()))));
	}

	@GetMapping("/namings/due")
	String due(@RequestParam(defaultValue = "90") int days, Model model) {
		var window = NamingReminders.WINDOWS.contains(days) ? days : 90;
		var today = namings.today();
		var expiring = reminders.expiring(today, window);
		var midTerm = reminders.midTermDue(today, window);
		model.addAttribute("days", window);
		model.addAttribute("windows", NamingReminders.WINDOWS);
		model.addAttribute("expiring", expiring);
		model.addAttribute("midTerm", midTerm);
		model.addAttribute("counts", reminders.dueCounts(scope.prefix(), today));
		var all = new java.util.ArrayList<Naming>(expiring);
		all.addAll(midTerm);
		model.addAttribute("regionNames", pages.regionNames(all));
		model.addAttribute("today", today);
		return "naming/due";
	}

	// Filing

	/**
	 * The application form: first the holder (a region, a unit or a household in the user's scope),
	 * then the title, the level and the title it renews.
	 */
	@GetMapping("/namings/new")
	String newApplication(@RequestParam(required = false) @Nullable String holder,
			@RequestParam(required = false) @Nullable HolderKind kind, @RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @Nullable UnitKind unitKind, @RequestParam(required = false) @Nullable String q,
			Model model) {
		if (holder != null) {
			var chosen = holders.byKey(holder);
			var form = new ApplicationForm(null, chosen.key(), "", namings.levelsFor(chosen).stream().findFirst().orElse(NamingLevel.COUNTY), "", null);
			model.addAttribute("form", form);
			return formView(chosen, model);
		}
		var chooserKind = kind == null ? HolderKind.UNIT : kind;
		var within = region != null && scope.contains(region) ? region : scope.prefix();
		model.addAttribute("kind", chooserKind);
		model.addAttribute("region", within);
		model.addAttribute("unitKind", unitKind);
		model.addAttribute("q", q);
		model.addAttribute("holderKinds", HolderKind.values());
		model.addAttribute("unitKinds", UnitKind.values());
		model.addAttribute("candidates", candidates(chooserKind, within, unitKind, q));
		return "naming/choose";
	}

	private List<Holder> candidates(HolderKind kind, String region, @Nullable UnitKind unitKind, @Nullable String text) {
		return switch (kind) {
			case UNIT -> holders.units(region, unitKind, text, CHOOSER_LIMIT);
			case HOUSEHOLD -> region.length() >= RegionLevel.TOWNSHIP.codeLength()
					? holders.households(region, CHOOSER_LIMIT) : List.of();
			case REGION -> regions.selectable(RegionLevel.TOWNSHIP)
				.stream()
				.filter(r -> r.getCode().startsWith(region) && r.getLevel() != RegionLevel.PROVINCE)
				.limit(CHOOSER_LIMIT)
				.map(r -> new Holder(HolderKind.REGION, r.getCode(), null, null, r.getName()))
				.toList();
		};
	}

	private String formView(Holder holder, Model model) {
		model.addAttribute("holder", holder);
		model.addAttribute("levels", namings.levelsFor(holder));
		model.addAttribute("renewable", namings.renewable(holder));
		model.addAttribute("assessments", namings.assessmentsFor(holder));
		model.addAttribute("holderRegionName", regions.names(List.of(holder.regionCode())).get(holder.regionCode()));
		model.addAttribute("today", namings.today());
		return "naming/form";
	}

	@PostMapping("/namings")
	String file(@ModelAttribute("form") ApplicationForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		TamperedFormException.refuseUnreadable(result);
		if (form.holder() == null || form.holder().isBlank()) {
			return "redirect:/namings/new";
		}
		try {
			var naming = namings.file(form);
			redirect.addFlashAttribute("success", "naming.filed");
			return "redirect:/namings/" + naming.getId();
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
		}
		catch (BusinessRuleException ex) {
			model.addAttribute("failureText", pages.refusal(ex));
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return formView(holders.byKey(form.holder()), model);
	}

	// The title page and its steps

	@GetMapping("/namings/{id}")
	String show(@PathVariable long id, Model model) {
		return titlePage.show(id, model);
	}

	@PostMapping("/namings/{id}/name")
	String name(@PathVariable long id, @ModelAttribute("nameForm") NameForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return step(id, NamingAction.NAME, result, model, redirect, response, () -> namings.name(id, form));
	}

	@PostMapping("/namings/{id}/refuse")
	String refuse(@PathVariable long id, @ModelAttribute("refuseForm") NoteForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return step(id, NamingAction.REFUSE, result, model, redirect, response, () -> namings.refuse(id, form));
	}

	@PostMapping("/namings/{id}/revoke")
	String revoke(@PathVariable long id, @ModelAttribute("revokeForm") RevokeForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return step(id, NamingAction.REVOKE, result, model, redirect, response, () -> namings.revoke(id, form));
	}

	@PostMapping("/namings/{id}/end-rectification")
	String endRectification(@PathVariable long id, @ModelAttribute("endRectificationForm") EndRectificationForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return step(id, NamingAction.END_RECTIFICATION, result, model, redirect, response,
				() -> namings.endRectification(id, form));
	}

	@PostMapping("/namings/{id}/clear-flag")
	String clearFlag(@PathVariable long id, @ModelAttribute("clearFlagForm") NoteForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return step(id, NamingAction.CLEAR_FLAG, result, model, redirect, response, () -> namings.clearFlag(id, form));
	}

	@PostMapping("/namings/{id}/start-recheck")
	String startRecheck(@PathVariable long id, @ModelAttribute("recheckForm") RecheckForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return step(id, NamingAction.START_RECHECK, result, model, redirect, response, () -> rechecks.start(id, form));
	}

	/**
	 * Takes one step and goes back to the title saying it was done; refused, the title page comes
	 * again (422) saying why, the step's form as it was typed with each problem beside its field.
	 */
	private String step(long id, NamingAction action, BindingResult result, Model model, RedirectAttributes redirect,
			HttpServletResponse response, Supplier<?> call) {
		TamperedFormException.refuseUnreadable(result);
		namings.get(id);
		try {
			call.get();
			redirect.addFlashAttribute("success", "naming.done." + action.name());
			return "redirect:/namings/" + id;
		}
		catch (BusinessRuleException | OptimisticLockingFailureException ex) {
			if (ex instanceof InvalidInputException invalid) {
				invalid.addTo(result);
			}
			model.addAttribute("failureText", pages.refusal(ex));
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return titlePage.show(id, model);
	}

	private static Sort sortBy(String sort) {
		var property = sort.startsWith("-") ? sort.substring(1) : sort;
		if (!SORTS.contains(property)) {
			property = "namedOn";
		}
		var direction = sort.startsWith("-") ? Sort.Direction.DESC : Sort.Direction.ASC;
		return Sort.by(new Sort.Order(direction, property, Sort.NullHandling.NULLS_LAST)).and(Sort.by(direction, "id"));
	}

}
