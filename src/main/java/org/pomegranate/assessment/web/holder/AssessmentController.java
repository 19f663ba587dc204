package org.pomegranate.assessment.web.holder;

import java.time.Clock;
import java.util.ArrayList;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.pomegranate.assessment.framework.FrameworkService;
import org.pomegranate.assessment.workflow.AssessmentDrafts;
import org.pomegranate.assessment.workflow.AssessmentForms.NewAssessmentForm;
import org.pomegranate.assessment.workflow.AssessmentForms.SelfScoreForm;
import org.pomegranate.assessment.workflow.AssessmentList;
import org.pomegranate.assessment.workflow.AssessmentQuery;
import org.pomegranate.assessment.workflow.AssessmentSheets;
import org.pomegranate.assessment.workflow.AssessmentState;
import org.pomegranate.assessment.workflow.Purpose;
import org.pomegranate.region.Region;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.InvalidInputException;
import org.pomegranate.shared.Paging;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.shared.StaleEdits;
import org.pomegranate.shared.SubmissionTokens;
import org.pomegranate.shared.TamperedFormException;
import org.pomegranate.unit.CampaignUnits;
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
 * 测评申报: the assessments of the user's region, starting one on a published version, the
 * self-assessment page (scores, evidence, the gap to pass) and its submission.
 */
@Controller
class AssessmentController {

	static final int PAGE_SIZE = 20;

	private final AssessmentList list;

	private final AssessmentDrafts drafts;

	private final AssessmentSheets sheets;

	private final AssessmentPage page;

	private final AssessmentLabels labels;

	private final FrameworkService frameworks;

	private final RegionService regions;

	private final CampaignUnits units;

	private final RegionScope scope;

	private final Clock clock;

	AssessmentController(AssessmentList list, AssessmentDrafts drafts, AssessmentSheets sheets, AssessmentPage page,
			AssessmentLabels labels, FrameworkService frameworks, RegionService regions, CampaignUnits units, RegionScope scope,
			Clock clock) {
		this.list = list;
		this.drafts = drafts;
		this.sheets = sheets;
		this.page = page;
		this.labels = labels;
		this.frameworks = frameworks;
		this.regions = regions;
		this.units = units;
		this.scope = scope;
		this.clock = clock;
	}

	@GetMapping("/assessments")
	String list(@RequestParam(required = false) @Nullable Integer year,
			@RequestParam(required = false) @Nullable AssessmentState state,
			@RequestParam(required = false) @Nullable Purpose purpose, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String region, @RequestParam(defaultValue = "false") boolean exact,
			@RequestParam(required = false) @Nullable Boolean passed, @RequestParam(defaultValue = "0") int page,
			Model model) {
		var query = new AssessmentQuery(year, state, purpose, q, region, exact, passed);
		var found = list.list(query, PageRequest.of(Paging.page(page), PAGE_SIZE,
				Sort.by(Sort.Direction.DESC, "year").and(Sort.by("holderRegionCode", "id"))));
		model.addAttribute("assessments", found);
		model.addAttribute("query", query);
		model.addAttribute("states", AssessmentState.values());
		model.addAttribute("purposes", Purpose.values());
		model.addAttribute("mayCreate", drafts.mayCreate());
		return "assessment/holder/list";
	}

	/** 新建, first step: the published versions to start on; second step ({@code framework} given): the holder, year and purpose. */
	@GetMapping("/assessments/new")
	String newAssessment(@RequestParam(required = false) @Nullable Long framework, Model model) {
		if (!model.containsAttribute("form")) {
			var empty = NewAssessmentForm.empty(ChinaTime.today(clock).getYear());
			model.addAttribute("form", new NewAssessmentForm(SubmissionTokens.fresh(), framework, null, null, empty.year(),
					empty.purpose()));
		}
		return newView(framework, model);
	}

	private String newView(@Nullable Long frameworkId, Model model) {
		model.addAttribute("mayCreate", drafts.mayCreate());
		model.addAttribute("purposes", Purpose.values());
		if (frameworkId == null) {
			model.addAttribute("startable", list.startable());
			return "assessment/holder/new";
		}
		var framework = frameworks.get(frameworkId);
		model.addAttribute("framework", framework);
		if (framework.getKind().ofRegions()) {
			var level = AssessmentDrafts.levelOf(framework);
			var options = new ArrayList<Region>();
			regions.find(scope.prefix()).filter(region -> region.getLevel() == level).ifPresent(options::add);
			regions.activeChildren(scope.prefix()).stream().filter(region -> region.getLevel() == level).forEach(options::add);
			model.addAttribute("regionOptions", options);
		}
		else {
			model.addAttribute("unitOptions", units.search(framework.getKind().name(), scope.prefix(), null, 500));
		}
		return "assessment/holder/new";
	}

	@PostMapping("/assessments")
	String create(@ModelAttribute("form") NewAssessmentForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		TamperedFormException.refuseUnreadable(result);
		try {
			var assessment = drafts.create(form);
			redirect.addFlashAttribute("success", "assessment.created");
			return "redirect:/assessments/" + assessment.getId();
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
		}
		catch (BusinessRuleException ex) {
			model.addAttribute("failureText", labels.refusal(ex));
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return newView(form.frameworkId(), model);
	}

	@GetMapping("/assessments/{id}")
	String show(@PathVariable long id, Model model) {
		return page.show(id, model);
	}

	/** 自评 of one scored node; a refused score shows the page again with what was typed, beside its row. */
	@PostMapping("/assessments/{id}/nodes/{nodeId}")
	String score(@PathVariable long id, @PathVariable long nodeId, @ModelAttribute("scoreForm") SelfScoreForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		sheets.sheet(id);
		TamperedFormException.refuseUnreadable(result);
		try {
			drafts.scoreSelf(id, nodeId, form);
			redirect.addFlashAttribute("success", "assessment.score.saved");
			return "redirect:/assessments/" + id + "#node-" + nodeId;
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			model.addAttribute("scoreProblems", ex.problems());
			model.addAttribute("failure", "assessment.score.invalid");
		}
		catch (BusinessRuleException | OptimisticLockingFailureException ex) {
			model.addAttribute("failureText", labels.refusal(ex));
		}
		model.addAttribute("scoreNode", nodeId);
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page.show(id, model);
	}

	@PostMapping("/assessments/{id}/nodes/{nodeId}/evidence")
	String link(@PathVariable long id, @PathVariable long nodeId, @RequestParam(required = false) @Nullable Long evidence,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		sheets.sheet(id);
		try {
			if (evidence == null) {
				throw new BusinessRuleException("assessment.evidence.choose");
			}
			drafts.linkEvidence(id, nodeId, evidence);
			redirect.addFlashAttribute("success", "assessment.evidence.linked");
			return "redirect:/assessments/" + id + "#node-" + nodeId;
		}
		catch (BusinessRuleException | OptimisticLockingFailureException ex) {
			model.addAttribute("failureText", labels.refusal(ex));
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page.show(id, model);
	}

	@PostMapping("/assessments/{id}/nodes/{nodeId}/evidence/{evidenceId}/unlink")
	String unlink(@PathVariable long id, @PathVariable long nodeId, @PathVariable long evidenceId, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		sheets.sheet(id);
		try {
			drafts.unlinkEvidence(id, nodeId, evidenceId);
			redirect.addFlashAttribute("success", "assessment.evidence.unlinked");
			return "redirect:/assessments/" + id + "#node-" + nodeId;
		}
		catch (BusinessRuleException | OptimisticLockingFailureException ex) {
			model.addAttribute("failureText", labels.refusal(ex));
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page.show(id, model);
	}

	@PostMapping("/assessments/{id}/submit")
	String submit(@PathVariable long id, @RequestParam(required = false) @Nullable Long version, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return step(id, model, redirect, response, "assessment.submitted", () -> drafts.submit(id, StaleEdits.versionOf(version)));
	}

	@PostMapping("/assessments/{id}/withdraw")
	String withdraw(@PathVariable long id, @RequestParam(required = false) @Nullable Long version, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return step(id, model, redirect, response, "assessment.withdrawn", () -> drafts.withdraw(id, StaleEdits.versionOf(version)));
	}

	@PostMapping("/assessments/{id}/resubmit")
	String resubmit(@PathVariable long id, @RequestParam(required = false) @Nullable Long version, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return step(id, model, redirect, response, "assessment.resubmitted", () -> drafts.resubmit(id, StaleEdits.versionOf(version)));
	}

	private String step(long id, Model model, RedirectAttributes redirect, HttpServletResponse response, String done,
			Runnable action) {
		sheets.sheet(id);
		try {
			action.run();
			redirect.addFlashAttribute("success", done);
			return "redirect:/assessments/" + id;
		}
		catch (BusinessRuleException | OptimisticLockingFailureException ex) {
			model.addAttribute("failureText", labels.refusal(ex));
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page.show(id, model);
	}

}
