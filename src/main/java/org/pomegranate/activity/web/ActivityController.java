package org.pomegranate.activity.web;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.pomegranate.activity.ActivityCounts;
import org.pomegranate.activity.ActivityFigures;
import org.pomegranate.activity.ledger.Activity;
import org.pomegranate.activity.ledger.ActivityForm;
import org.pomegranate.activity.ledger.ActivityKind;
import org.pomegranate.activity.ledger.ActivityLedger;
import org.pomegranate.activity.ledger.ActivityQuery;
import org.pomegranate.files.Upload;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.EthnicGroups;
import org.pomegranate.shared.FormText;
import org.pomegranate.shared.InvalidInputException;
import org.pomegranate.shared.Paging;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.shared.StaleEdits;
import org.pomegranate.shared.SubmissionTokens;
import org.pomegranate.shared.TamperedFormException;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The activities ledger: the list with its filters and totals, the activity page with its photos,
 * materials and the way to register a petition raised there, the activity form.
 */
@Controller
@RequestMapping("/activities")
class ActivityController {

	static final int PAGE_SIZE = 20;

	private final ActivityLedger ledger;

	private final ActivityFigures figures;

	private final RegionService regions;

	private final RegionScope scope;

	private final EthnicGroups ethnicGroups;

	ActivityController(ActivityLedger ledger, ActivityFigures figures, RegionService regions, RegionScope scope,
			EthnicGroups ethnicGroups) {
		this.ledger = ledger;
		this.figures = figures;
		this.regions = regions;
		this.scope = scope;
		this.ethnicGroups = ethnicGroups;
	}

	@ModelAttribute("kinds")
	ActivityKind[] kinds() {
		return ActivityKind.values();
	}

	@ModelAttribute("may")
	ActivityLedger.Permissions may() {
		return ledger.permissions();
	}

	@GetMapping
	String list(@ModelAttribute("query") ActivityQuery query, @RequestParam(defaultValue = "0") int page, Model model) {
		var found = ledger.search(query, PageRequest.of(Paging.page(page), PAGE_SIZE,
				Sort.by(Sort.Direction.DESC, "startedOn").and(Sort.by(Sort.Direction.DESC, "id"))));
		model.addAttribute("activities", found);
		model.addAttribute("regionNames", regions.names(found.map(Activity::getRegionCode).toSet()));
		model.addAttribute("summary", summary(query));
		return "activity/activities";
	}

	@GetMapping("/new")
	String newActivity(Model model) {
		var form = ActivityForm.empty(scope.prefix(), ledger.today().toString());
		model.addAttribute("form", form);
		return formView(model, null);
	}

	@PostMapping
	String create(@ModelAttribute("form") ActivityForm form, BindingResult result,
			@RequestParam(name = "photos", required = false) @Nullable List<MultipartFile> photos,
			@RequestParam(name = "materials", required = false) @Nullable List<MultipartFile> materials, Model model,
			RedirectAttributes redirect) {
		TamperedFormException.refuseUnreadable(result);
		try {
			var activity = ledger.create(form, Upload.of(photos), Upload.of(materials));
			redirect.addFlashAttribute("success", "activity.created");
			return "redirect:/activities/" + activity.getId();
		}
		catch (InvalidInputException ex) {
			ex.addTo(result, "photos", "materials");
		}
		catch (BusinessRuleException ex) {
			result.reject(ex.messageKey());
		}
		return formView(model, null);
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		var activity = ledger.get(id);
		model.addAttribute("activity", activity);
		model.addAttribute("regionPath", regions.path(activity.getRegionCode()));
		model.addAttribute("unit", ledger.unitOf(activity));
		model.addAttribute("cadres", ledger.cadresOf(activity).values());
		model.addAttribute("photos", ledger.photosOf(id));
		model.addAttribute("materials", ledger.materialsOf(id));
		model.addAttribute("ethnicNames", ethnicGroups.all());
		model.addAttribute("fileSubmission", SubmissionTokens.fresh());
		model.addAttribute("maxFiles", ActivityLedger.MAX_FILES);
		return "activity/activity";
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		var activity = ledger.get(id);
		model.addAttribute("form", ActivityForm.of(activity));
		return formView(model, activity);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") ActivityForm form, BindingResult result,
			@RequestParam(name = "photos", required = false) @Nullable List<MultipartFile> photos,
			@RequestParam(name = "materials", required = false) @Nullable List<MultipartFile> materials, Model model,
			RedirectAttributes redirect) {
		TamperedFormException.refuseUnreadable(result);
		var activity = ledger.get(id);
		try {
			ledger.update(id, StaleEdits.versionOf(form.version()), form, Upload.of(photos), Upload.of(materials));
			redirect.addFlashAttribute("success", "activity.updated");
			return "redirect:/activities/" + id;
		}
		catch (InvalidInputException ex) {
			ex.addTo(result, "photos", "materials");
		}
		catch (BusinessRuleException ex) {
			result.reject(ex.messageKey());
		}
		catch (OptimisticLockingFailureException ex) {
			result.reject("error.staleEdit");
		}
		return formView(model, activity);
	}

	@PostMapping("/{id}/files")
	String addFiles(@PathVariable long id, @RequestParam(required = false) @Nullable String submission,
			@RequestParam(name = "photos", required = false) @Nullable List<MultipartFile> photos,
			@RequestParam(name = "materials", required = false) @Nullable List<MultipartFile> materials,
			RedirectAttributes redirect) {
		try {
			ledger.addFiles(id, SubmissionTokens.parse(submission), Upload.of(photos), Upload.of(materials));
			redirect.addFlashAttribute("success", "activity.files.added");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("failure", ex.firstProblem().messageKey());
		}
		catch (BusinessRuleException ex) {
			redirect.addFlashAttribute("failure", ex.messageKey());
		}
		return "redirect:/activities/" + id;
	}

	private String formView(Model model, @Nullable Activity activity) {
		model.addAttribute("activity", activity);
		model.addAttribute("unitChoices", ledger.unitChoices());
		model.addAttribute("cadreChoices", ledger.cadreChoices());
		model.addAttribute("ethnicNames", ethnicGroups.all());
		model.addAttribute("maxFiles", ActivityLedger.MAX_FILES);
		return "activity/activity-form";
	}

	/**
	 * The list's totals: without a text filter the same figures the dashboards read (so a figure's
	 * link lands on a list whose total is that figure); with one, the rows it finds.
	 */
	private @Nullable ActivityCounts summary(ActivityQuery query) {
		var region = FormText.digits(query.regionCode());
		if (query.searchText() != null || (region != null && !scope.contains(region))) {
			return null;
		}
		var from = query.fromDay() == null ? LocalDate.of(2000, 1, 1) : query.fromDay();
		var to = query.toDay() == null ? ledger.today() : query.toDay();
		if (to.isBefore(from)) {
			return null;
		}
		return figures.of(region == null ? scope.prefix() : region, from, to);
	}

}
