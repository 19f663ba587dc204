package org.pomegranate.supervision.inspection.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.pomegranate.files.Upload;
import org.pomegranate.assessment.IndicatorArticles;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.Downloads;
import org.pomegranate.shared.InvalidInputException;
import org.pomegranate.shared.Paging;
import org.pomegranate.shared.Spreadsheet;
import org.pomegranate.shared.TamperedFormException;
import org.pomegranate.supervision.inspection.InspectionForms.ReportForm;
import org.pomegranate.supervision.inspection.InspectionForms.VerifyForm;
import org.pomegranate.supervision.inspection.Inspections;
import org.pomegranate.supervision.inspection.Rectification;
import org.pomegranate.supervision.inspection.RectificationAction;
import org.pomegranate.supervision.inspection.RectificationQuery;
import org.pomegranate.supervision.inspection.RectificationSource;
import org.pomegranate.supervision.inspection.RectificationState;
import org.pomegranate.supervision.inspection.Rectifications;
import org.pomegranate.supervision.inspection.Severity;
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
 * The ledger (整改台账) and its export, the inbox (整改待办), a rectification's page with its
 * timeline, and its steps: report, 通过, 未通过.
 */
@Controller
class RectificationController {

	static final int PAGE_SIZE = 20;

	private static final Set<String> SORTS = Set.of("openedOn", "dueOn", "state", "regionCode", "severity");

	private final Rectifications rectifications;

	private final RegionService regions;

	private final SupervisionLabels labels;

	private final Inspections inspections;

	private final IndicatorArticles articles;

	RectificationController(Rectifications rectifications, Inspections inspections, IndicatorArticles articles,
			RegionService regions, SupervisionLabels labels) {
		this.rectifications = rectifications;
		this.inspections = inspections;
		this.articles = articles;
		this.regions = regions;
		this.labels = labels;
	}

	@GetMapping("/rectifications")
	String ledger(@ModelAttribute("query") RectificationQuery query, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "-openedOn") String sort, Model model) {
		var found = rectifications.search(query, PageRequest.of(Paging.page(page), PAGE_SIZE, sortBy(sort)));
		model.addAttribute("rectifications", found);
		model.addAttribute("regionNames", regions.names(found.map(Rectification::getRegionCode).toSet()));
		model.addAttribute("sort", sort);
		model.addAttribute("states", RectificationState.values());
		model.addAttribute("severities", Severity.values());
		model.addAttribute("sources", RectificationSource.values());
		model.addAttribute("today", rectifications.today());
		return "supervision/inspection/rectifications";
	}

	@GetMapping("/rectifications/export")
	void export(@ModelAttribute("query") RectificationQuery query, HttpServletResponse response) throws IOException {
		var title = labels.text("rectification.ledger.title");
		var regionName = regions.nameLookup();
		var today = rectifications.today();
		var headers = List.of("rectification.id", "rectification.source", "rectification.responsible",
				"rectification.region", "common.code", "rectification.subject", "rectification.severity",
				"rectification.openedOn", "rectification.dueOn", "rectification.state", "rectification.overdue",
				"rectification.reportedOn", "rectification.closedOn", "rectification.returns", "rectification.measures")
			.stream()
			.map(labels::text)
			.toList();
		var download = Downloads.body(response, Downloads.XLSX, title + ".xlsx");
		Spreadsheet.write(download, title, headers, sink -> rectifications.export(query,
				r -> sink.accept(Arrays.asList(r.getId(), labels.of(r.getSource()), r.getResponsibleName(),
						regionName.apply(r.getRegionCode()), r.getRegionCode(), r.getSubject(), labels.of(r.getSeverity()),
						r.getOpenedOn(), r.getDueOn(), labels.of(r.getState()),
						labels.text(r.isOverdue(today) ? "common.yes" : "common.no"), r.getReportedOn(), r.getClosedOn(),
						r.getReturns(), r.getMeasures()))));
	}

	@GetMapping("/rectifications/inbox")
	String inbox(Model model) {
		var inbox = rectifications.inbox();
		var sections = new LinkedHashMap<String, List<Rectification>>();
		sections.put("toReport", inbox.toReport());
		sections.put("returned", inbox.returned());
		sections.put("overdue", inbox.overdue());
		sections.put("toVerify", inbox.toVerify());
		sections.put("escalated", inbox.escalated());
		model.addAttribute("sections", sections);
		var codes = new java.util.HashSet<String>();
		sections.values().forEach(list -> list.forEach(r -> codes.add(r.getRegionCode())));
		model.addAttribute("regionNames", regions.names(codes));
		model.addAttribute("today", rectifications.today());
		return "supervision/inspection/inbox";
	}

	@GetMapping("/rectifications/{id}")
	String show(@PathVariable long id, Model model) {
		var rectification = rectifications.get(id);
		model.addAttribute("reportForm", ReportForm.empty(rectification.getVersion()));
		model.addAttribute("verifyForm", VerifyForm.empty(rectification.getVersion()));
		return page(rectification, model);
	}

	@PostMapping("/rectifications/{id}/report")
	String report(@PathVariable long id, @ModelAttribute("reportForm") ReportForm form, BindingResult result,
			@RequestParam(name = "evidence", required = false) @Nullable List<MultipartFile> evidence, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		TamperedFormException.refuseUnreadable(result);
		try {
			rectifications.report(id, form, Upload.of(evidence));
			redirect.addFlashAttribute("success", "rectification.done.REPORT");
			return "redirect:/rectifications/" + id;
		}
		catch (InvalidInputException ex) {
			ex.addTo(result, "evidence");
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		catch (BusinessRuleException ex) {
			model.addAttribute("failure", ex.messageKey());
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		catch (OptimisticLockingFailureException ex) {
			model.addAttribute("failure", "rectification.error.stale");
			response.setStatus(HttpStatus.CONFLICT.value());
		}
		var rectification = rectifications.get(id);
		model.addAttribute("reportForm", new ReportForm(form.measures(), rectification.getVersion()));
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "reportForm", result);
		model.addAttribute("verifyForm", VerifyForm.empty(rectification.getVersion()));
		return page(rectification, model);
	}

	@PostMapping({ "/rectifications/{id}/pass", "/rectifications/{id}/fail" })
	String verify(@PathVariable long id, @ModelAttribute("verifyForm") VerifyForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
		TamperedFormException.refuseUnreadable(result);
		var path = String.valueOf(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
		var action = RectificationAction.ofPath(path.substring(path.lastIndexOf('/') + 1));
		try {
			if (action == RectificationAction.PASS) {
				rectifications.pass(id, form);
			}
			else {
				rectifications.fail(id, form);
			}
			redirect.addFlashAttribute("success", "rectification.done." + action.name());
			return "redirect:/rectifications/" + id;
		}
		catch (InvalidInputException ex) {
			ex.addTo(result);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		catch (BusinessRuleException ex) {
			model.addAttribute("failure", ex.messageKey());
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		catch (OptimisticLockingFailureException ex) {
			model.addAttribute("failure", "rectification.error.stale");
			response.setStatus(HttpStatus.CONFLICT.value());
		}
		var rectification = rectifications.get(id);
		model.addAttribute("verifyForm", new VerifyForm(form.comment(), form.newDueOn(), rectification.getVersion()));
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "verifyForm", result);
		model.addAttribute("reportForm", ReportForm.empty(rectification.getVersion()));
		return page(rectification, model);
	}

	private String page(Rectification rectification, Model model) {
		var today = rectifications.today();
		model.addAttribute("rectification", rectification);
		model.addAttribute("regionPath", regions.path(rectification.getRegionCode()));
		var codes = new java.util.ArrayList<String>(List.of(rectification.getIssuingRegionCode()));
		var escalatedTo = rectification.escalatedTo(today);
		if (escalatedTo != null) {
			codes.add(escalatedTo);
		}
		model.addAttribute("regionNames", regions.names(codes));
		model.addAttribute("escalatedTo", escalatedTo);
		model.addAttribute("timeline", rectifications.timeline(rectification.getId()));
		model.addAttribute("files", rectifications.filesByStep(rectification.getId()));
		model.addAttribute("allowed", rectifications.allowedActions(rectification));
		model.addAttribute("mayRaisePetition", rectifications.mayRaisePetition(rectification));
		// The finding behind it, with the article and the task list it concerns, as links.
		var finding = rectification.getFindingId() == null ? null
				: inspections.visibleFinding(rectification.getFindingId()).map(Inspections.FindingRow::finding).orElse(null);
		model.addAttribute("finding", finding);
		model.addAttribute("article", finding == null || finding.getArticleId() == null ? null
				: articles.find(finding.getArticleId()).orElse(null));
		model.addAttribute("today", today);
		model.addAttribute("maxEvidence", Rectifications.MAX_EVIDENCE);
		return "supervision/inspection/rectification";
	}

	private static Sort sortBy(String sort) {
		var property = sort.startsWith("-") ? sort.substring(1) : sort;
		if (!SORTS.contains(property)) {
			property = "openedOn";
		}
		var direction = sort.startsWith("-") ? Sort.Direction.DESC : Sort.Direction.ASC;
		return Sort.by(direction, property).and(Sort.by(direction, "id"));
	}

}
