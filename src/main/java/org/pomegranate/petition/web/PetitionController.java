package org.pomegranate.petition.web;

import org.pomegranate.shared.RegionLevel;
import org.pomegranate.shared.RegionCode;
import org.pomegranate.activity.Activities;
import org.pomegranate.supervision.RaisedFindings;
import org.pomegranate.petition.loop.PetitionLabels;
import org.pomegranate.petition.LedgerFigure;
import org.pomegranate.petition.PetitionFigures;
import org.pomegranate.petition.loop.Outcome;
import org.pomegranate.petition.loop.Petition;
import org.pomegranate.petition.loop.PetitionAction;
import org.pomegranate.petition.loop.PetitionForm;
import org.pomegranate.petition.loop.PetitionQuery;
import org.pomegranate.petition.loop.PetitionService;
import org.pomegranate.petition.loop.PetitionSource;
import org.pomegranate.petition.loop.PetitionState;
import org.pomegranate.petition.loop.PossibleDuplicatesException;
import org.pomegranate.petition.loop.Rating;
import org.pomegranate.petition.loop.StepForm;
import org.pomegranate.petition.loop.Urgency;
import org.pomegranate.petition.settings.CategoriesAndDepartments;
import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.pomegranate.files.Upload;
import org.pomegranate.pairing.PairingDirectory;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.Downloads;
import org.pomegranate.shared.InvalidInputException;
import org.pomegranate.shared.Paging;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.shared.Spreadsheet;
import org.pomegranate.shared.TamperedFormException;
import org.pomegranate.shared.SearchText;
import org.pomegranate.petition.loop.PetitionNumbers;
import org.springframework.dao.DataIntegrityViolationException;
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
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The ledger, its export, registering a petition (also from a visit), the petition page with its
 * timeline and the steps this user may take, "my work" and the backlog cases.
 */
@Controller
class PetitionController {

	static final int PAGE_SIZE = 20;

	private static final List<String> SORTS = List.of("receivedOn", "number", "closeDueOn", "state", "regionCode");

	private final PetitionService petitions;

	private final CategoriesAndDepartments settings;

	private final PetitionFigures figures;

	private final PairingDirectory pairing;

	private final Activities activities;

	private final RaisedFindings findings;

	private final RegionService regions;

	private final RegionScope scope;

	private final PetitionLabels labels;

	private final Clock clock;

	PetitionController(PetitionService petitions, CategoriesAndDepartments settings, PetitionFigures figures,
			PairingDirectory pairing, Activities activities, RaisedFindings findings, RegionService regions, RegionScope scope,
			PetitionLabels labels, Clock clock) {
		this.petitions = petitions;
		this.settings = settings;
		this.figures = figures;
		this.pairing = pairing;
		this.activities = activities;
		this.findings = findings;
		this.regions = regions;
		this.scope = scope;
		this.labels = labels;
		this.clock = clock;
	}

	/** The ledger's search box also takes a petition number, whose digits are no one's personal data. */
	@ModelAttribute("ledgerSearchPattern")
	String ledgerSearchPattern() {
		return SearchText.patternAllowing(PetitionNumbers.SEARCHED);
	}

	@GetMapping("/petitions")
	String ledger(@ModelAttribute("query") PetitionQuery query, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "-receivedOn") String sort, Model model) {
		var found = petitions.search(query, PageRequest.of(Paging.page(page), PAGE_SIZE, sortBy(sort)));
		model.addAttribute("petitions", found);
		model.addAttribute("regionNames", regions.names(found.map(Petition::getRegionCode).toSet()));
		model.addAttribute("sort", sort);
		return listView(model);
	}

	/** The backlog cases (信访积案) with this year's backlog figures for the user's region. */
	@GetMapping("/petitions/backlog")
	String backlog(@RequestParam(defaultValue = "0") int page, Model model) {
		var query = PetitionQuery.backlogCases();
		var found = petitions.search(query, PageRequest.of(Paging.page(page), PAGE_SIZE,
				Sort.by("backlogTargetOn", "id")));
		var today = ChinaTime.today(clock);
		model.addAttribute("query", query);
		model.addAttribute("petitions", found);
		model.addAttribute("regionNames", regions.names(found.map(Petition::getRegionCode).toSet()));
		model.addAttribute("sort", "backlogTargetOn");
		model.addAttribute("backlogFigures", figures.figures(scope.prefix(), today.withDayOfYear(1), today));
		model.addAttribute("backlogView", true);
		return listView(model);
	}

	private String listView(Model model) {
		model.addAttribute("states", PetitionState.values());
		model.addAttribute("sources", PetitionSource.values());
		model.addAttribute("categories", settings.categories());
		model.addAttribute("departments", settings.departments());
		model.addAttribute("figureFilters", LedgerFigure.values());
		model.addAttribute("today", ChinaTime.today(clock));
		model.addAttribute("may", petitions.permissions());
		return "petition/petitions";
	}

	@GetMapping("/petitions/export")
	void export(@ModelAttribute("query") PetitionQuery query, HttpServletResponse response) throws IOException {
		var title = labels.text("petition.ledger.title");
		var regionName = regions.nameLookup();
		var today = ChinaTime.today(clock);
		var headers = List.of("petition.number", "petition.receivedOn", "petition.source", "petition.petitioner",
				"petition.phone", "petition.village", "common.code", "petition.category", "petition.title",
				"petition.urgency", "petition.state", "petition.outcome", "petition.rating", "petition.department",
				"petition.handler", "petition.acceptDueOn", "petition.closeDueOn", "petition.closedOn",
				"petition.overdue", "petition.backlog", "petition.reopenCount")
			.stream()
			.map(labels::text)
			.toList();
		var download = Downloads.body(response, Downloads.XLSX, title + ".xlsx");
		Spreadsheet.write(download, title, headers, sink -> petitions.export(query,
				p -> sink.accept(Arrays.asList(p.getNumber(), p.getReceivedOn(), labels.of(p.getSource()),
						p.getPetitionerName(), p.maskedPhone(), regionName.apply(p.getRegionCode()), p.getRegionCode(),
						p.getCategory().getName(), p.getTitle(), labels.of(p.getUrgency()), labels.of(p.getState()),
						p.getOutcome() == null ? null : labels.of(p.getOutcome()),
						p.getRating() == null ? null : labels.of(p.getRating()),
						p.getDepartment() == null ? null : p.getDepartment().getName(), p.getHandlerName(),
						p.getAcceptDueOn(), p.getCloseDueOn(), p.getClosedOn(),
						labels.text(p.isOverdue(today) ? "common.yes" : "common.no"),
						labels.text(p.isBacklog() ? "common.yes" : "common.no"), p.getReopenCount()))));
	}

	@GetMapping("/petitions/mine")
	String mine(Model model) {
		var work = petitions.myWork();
		var sections = new LinkedHashMap<String, List<Petition>>();
		sections.put("toAccept", work.toAccept());
		sections.put("dueThisWeek", work.dueThisWeek());
		sections.put("inProgress", work.inProgress());
		sections.put("returned", work.returned());
		sections.put("escalated", work.escalated());
		sections.put("toPush", work.toPush());
		model.addAttribute("sections", sections);
		model.addAttribute("today", ChinaTime.today(clock));
		return "petition/mine";
	}

	// Registering

	@GetMapping("/petitions/new")
	String newPetition(@RequestParam(required = false) @Nullable Long visit,
			@RequestParam(required = false) @Nullable Long household,
			@RequestParam(required = false) @Nullable Long activity, @RequestParam(required = false) @Nullable Long finding,
			Model model) {
		var form = PetitionForm.empty(ChinaTime.today(clock));
		if (activity != null) {
			var raisedAt = activities.activity(activity);
			var village = RegionCode.of(raisedAt.regionCode()).level() == RegionLevel.VILLAGE ? raisedAt.regionCode() : null;
			form = form.fromActivity(raisedAt.id(), raisedAt.publicity(), raisedAt.startedOn(), village);
		}
		else if (finding != null) {
			var raisedFrom = findings.finding(finding);
			form = form.fromFinding(raisedFrom.id(), raisedFrom.description(), raisedFrom.foundOn(), raisedFrom.village());
		}
		else if (visit != null) {
			var raisedAt = pairing.visit(visit);
			var head = pairing.household(raisedAt.householdId());
			form = form.withHousehold(head.id(), head.headName(), head.regionCode())
				.fromVisit(raisedAt.id(), raisedAt.visitedOn(), raisedAt.findings());
		}
		else if (household != null) {
			var head = pairing.household(household);
			form = form.withHousehold(head.id(), head.headName(), head.regionCode());
		}
		model.addAttribute("form", form);
		return formView(form, model);
	}

	@PostMapping("/petitions")
	String register(@ModelAttribute("form") PetitionForm form, BindingResult result,
			@RequestParam(name = "attachments", required = false) @Nullable List<MultipartFile> files, Model model,
			RedirectAttributes redirect, HttpServletResponse response) throws IOException {
		TamperedFormException.refuseUnreadable(result);
		try {
			var petition = petitions.register(form, Upload.of(files));
			redirect.addFlashAttribute("success", "petition.registered");
			return "redirect:/petitions/" + petition.getId();
		}
		catch (PossibleDuplicatesException ex) {
			model.addAttribute("duplicates", ex.candidates());
		}
		catch (InvalidInputException ex) {
			addProblems(ex, result);
		}
		catch (BusinessRuleException ex) {
			result.reject(ex.messageKey());
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		catch (DataIntegrityViolationException ex) {
			// The same form submitted twice at once: the other submission made the petition.
			var made = form.token() == null ? null : petitions.registeredWith(form.token()).orElse(null);
			if (made == null) {
				throw ex;
			}
			return "redirect:/petitions/" + made.getId();
		}
		return formView(form, model);
	}

	private String formView(PetitionForm form, Model model) {
		if (form.householdId() != null) {
			model.addAttribute("household", pairing.household(form.householdId()));
		}
		if (form.visitId() != null) {
			model.addAttribute("visit", pairing.visit(form.visitId()));
		}
		if (form.activityId() != null) {
			model.addAttribute("raisedAt", activities.activity(form.activityId()));
		}
		if (form.findingId() != null) {
			model.addAttribute("raisedFrom", findings.finding(form.findingId()));
		}
		model.addAttribute("categories", settings.activeCategories());
		model.addAttribute("sources", PetitionSource.values());
		model.addAttribute("urgencies", Urgency.values());
		model.addAttribute("maxAttachments", PetitionService.MAX_ATTACHMENTS);
		return "petition/petition-form";
	}

	// The petition page and its steps

	@GetMapping("/petitions/{id}")
	String show(@PathVariable long id, Model model) {
		var petition = petitions.get(id);
		model.addAttribute("stepForm", StepForm.empty(petition.getVersion()));
		return page(petition, null, model);
	}

	/** Each step has its own URL, so the URL rules can fence it by role before the service does. */
	@PostMapping({ "/petitions/{id}/push", "/petitions/{id}/accept", "/petitions/{id}/return", "/petitions/{id}/progress",
			"/petitions/{id}/close", "/petitions/{id}/rate", "/petitions/{id}/archive", "/petitions/{id}/backlog" })
	String step(@PathVariable long id, @ModelAttribute("stepForm") StepForm form, BindingResult result,
			@RequestParam(name = "attachments", required = false) @Nullable List<MultipartFile> files, Model model,
			RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) throws IOException {
		// The pattern the request matched, not the raw URI, which may spell the step percent-encoded.
		var path = String.valueOf(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
		var action = PetitionAction.ofPath(path.substring(path.lastIndexOf('/') + 1));
		return step(id, action, form, result, files, model, redirect, response, uploads -> switch (action) {
			case PUSH -> petitions.push(id, form, uploads);
			case ACCEPT -> petitions.accept(id, form, uploads);
			case RETURN -> petitions.returnToPusher(id, form, uploads);
			case PROGRESS -> petitions.noteProgress(id, form, uploads);
			case CLOSE -> petitions.close(id, form, uploads);
			case RATE -> petitions.rate(id, form, uploads);
			case ARCHIVE -> petitions.archive(id, form, uploads);
			case MARK_BACKLOG -> petitions.markBacklog(id, form, uploads);
			case REGISTER -> throw new IllegalArgumentException(path);
		});
	}

	/**
	 * Takes one step; if it is refused (a rule, a wrong field, or someone else acted first), shows
	 * the petition as it is now with the reason and everything the user typed.
	 */
	private String step(long id, PetitionAction action, StepForm form, BindingResult result,
			@Nullable List<MultipartFile> files, Model model, RedirectAttributes redirect, HttpServletResponse response,
			Function<List<Upload>, Petition> call) throws IOException {
		TamperedFormException.refuseUnreadable(result);
		try {
			call.apply(Upload.of(files));
			redirect.addFlashAttribute("success", "petition.done." + action.name());
			return "redirect:/petitions/" + id;
		}
		catch (InvalidInputException ex) {
			addProblems(ex, result);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		catch (BusinessRuleException ex) {
			model.addAttribute("failure", ex.messageKey());
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		catch (OptimisticLockingFailureException ex) {
			model.addAttribute("failure", "petition.error.stale");
			response.setStatus(HttpStatus.CONFLICT.value());
		}
		var petition = petitions.get(id);
		// Typed text kept; the version moves on so the user can send it again if the step still applies.
		model.addAttribute("stepForm", new StepForm(form.comment(), form.departmentId(), form.handler(), form.outcome(),
				form.rating(), form.targetOn(), petition.getVersion(), form.submission()));
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "stepForm", result);
		return page(petition, action, model);
	}

	private String page(Petition petition, @Nullable PetitionAction openAction, Model model) {
		var allowed = petitions.allowedActions(petition);
		model.addAttribute("petition", petition);
		model.addAttribute("regionPath", regions.path(petition.getRegionCode()));
		model.addAttribute("raisedAt", petition.getActivityId() == null ? null
				: activities.shown(petition.getActivityId()).orElse(null));
		model.addAttribute("raisedFrom", petition.getFindingId() == null ? null
				: findings.shown(petition.getFindingId()).orElse(null));
		if (petition.getEscalatedTo() != null) {
			model.addAttribute("escalatedName", regions.names(List.of(petition.getEscalatedTo()))
				.getOrDefault(petition.getEscalatedTo(), petition.getEscalatedTo()));
		}
		model.addAttribute("timeline", petitions.timeline(petition.getId()));
		model.addAttribute("attachments", petitions.attachmentsByStep(petition.getId()));
		model.addAttribute("allowed", allowed);
		model.addAttribute("openAction", openAction);
		if (allowed.contains(PetitionAction.PUSH)) {
			model.addAttribute("pushChoices", petitions.pushChoices(petition));
		}
		model.addAttribute("outcomes", Outcome.values());
		model.addAttribute("ratings", Rating.values());
		model.addAttribute("today", ChinaTime.today(clock));
		model.addAttribute("maxAttachments", PetitionService.MAX_ATTACHMENTS);
		return "petition/petition";
	}

	/** Field problems beside their fields; the attachments' beside the form, which has no such field. */
	private static void addProblems(InvalidInputException ex, BindingResult result) {
		ex.addTo(result, "attachments");
	}

	private static Sort sortBy(String sort) {
		var property = sort.startsWith("-") ? sort.substring(1) : sort;
		if (!SORTS.contains(property)) {
			property = "receivedOn";
		}
		var direction = sort.startsWith("-") ? Sort.Direction.DESC : Sort.Direction.ASC;
		return Sort.by(direction, property).and(Sort.by(direction, "id"));
	}

}
