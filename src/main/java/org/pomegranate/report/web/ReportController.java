package org.pomegranate.report.web;

import org.pomegranate.files.FileType;
import org.pomegranate.report.monthly.ReportDocument;
import org.pomegranate.report.monthly.ReportService;
import org.pomegranate.report.monthly.ReportSummary;
import java.io.IOException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.pomegranate.figures.Period;
import org.pomegranate.figures.PeriodRange;
import org.pomegranate.shared.RegionLevel;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.Downloads;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.shared.StaleEdits;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admins' monthly reports: the list of drafts and frozen versions, opening the draft of a
 * region and period, writing its narrative, downloading both files and freezing it.
 */
@Controller
class ReportController {

	private final ReportService reports;

	private final RegionService regions;

	private final RegionScope scope;

	private final Clock clock;

	ReportController(ReportService reports, RegionService regions, RegionScope scope, Clock clock) {
		this.reports = reports;
		this.regions = regions;
		this.scope = scope;
		this.clock = clock;
	}

	@GetMapping("/reports")
	String list(Model model) {
		var summaries = reports.list();
		model.addAttribute("reports", summaries);
		model.addAttribute("names", regions.names(summaries.stream().map(ReportSummary::regionCode).toList()));
		var own = regions.get(scope.prefix()).getLevel();
		model.addAttribute("regions", regions.selectable(own.isAbove(RegionLevel.COUNTY)
				? RegionLevel.COUNTY : RegionLevel.TOWNSHIP));
		model.addAttribute("years", reports.periods().years());
		model.addAttribute("parts", PeriodRange.PARTS);
		// Last month first: the usual report.
		model.addAttribute("usual", Period.month(YearMonth.from(ChinaTime.today(clock)).minusMonths(1)));
		return "report/reports";
	}

	/**
	 * Opens the draft of the region and the period the picker sends as {@code year} and {@code part}
	 * (or as a code, {@code period=2024-02}); a period before the first record or after this month
	 * is refused with a message.
	 */
	@PostMapping("/reports")
	String open(@RequestParam String region, @RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) @Nullable String year, @RequestParam(required = false) @Nullable String part) {
		var chosen = year != null && !year.isBlank() ? Period.of(year, part)
				: Period.parse(period == null ? "" : period);
		var report = reports.openDraft(region.strip(), chosen);
		return "redirect:/reports/" + report.getId();
	}

	@GetMapping("/reports/{id}")
	String show(@PathVariable long id, Model model) {
		var report = reports.get(id);
		var data = reports.figures(report);
		model.addAttribute("report", report);
		model.addAttribute("data", data);
		model.addAttribute("workDone", ReportDocument.workDone(data));
		model.addAttribute("reportTitle", ReportDocument.title(data));
		return "report/report";
	}

	/**
	 * Saves 二、存在的问题 and 三、下一步工作打算. A refused save (too long, changed by someone else
	 * meanwhile, frozen) shows the report again with the reason and what the admin typed.
	 */
	@PostMapping("/reports/{id}")
	String narrative(@PathVariable long id, @RequestParam(required = false) @Nullable Long version,
			@RequestParam(defaultValue = "") String problems, @RequestParam(defaultValue = "") String plans,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			reports.writeNarrative(id, StaleEdits.versionOf(version), problems, plans);
			redirect.addFlashAttribute("success", "report.saved");
			return "redirect:/reports/" + id;
		}
		catch (BusinessRuleException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("refusal", new Refusal(ex.messageKey(), ex.arguments()));
		}
		catch (OptimisticLockingFailureException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("refusal", new Refusal("error.staleEdit", new Object[0]));
		}
		model.addAttribute("typed", new Narrative(problems, plans, version));
		return show(id, model);
	}

	/** Why a save was refused, as a message key and its arguments. */
	record Refusal(String messageKey, Object[] arguments) {
	}

	/** What the admin typed, shown back after a refused save. */
	record Narrative(String problems, String plans, @Nullable Long version) {
	}

	@PostMapping("/reports/{id}/freeze")
	String freeze(@PathVariable long id, @RequestParam(required = false) @Nullable Long version,
			RedirectAttributes redirect) {
		reports.freeze(id, version == null ? -1 : version);
		redirect.addFlashAttribute("success", "report.frozen");
		return "redirect:/reports/" + id;
	}

	@GetMapping("/reports/{id}/xlsx")
	void xlsx(@PathVariable long id, HttpServletRequest request, HttpServletResponse response) throws IOException {
		download(id, FileType.XLSX, () -> reports.xlsx(id), request, response);
	}

	@GetMapping("/reports/{id}/docx")
	void docx(@PathVariable long id, HttpServletRequest request, HttpServletResponse response) throws IOException {
		download(id, FileType.DOCX, () -> reports.docx(id), request, response);
	}

	/** A draft's file, made now; a frozen report's stored one, from the file store's one endpoint. */
	private void download(long id, FileType type, Supplier<ReportService.ReportFile> draft, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		var stored = reports.frozenFileId(id, type);
		if (stored.isPresent()) {
			response.sendRedirect(request.getContextPath() + "/files/" + stored.getAsLong());
			return;
		}
		send(draft.get(), response);
	}

	private static void send(ReportService.ReportFile file, HttpServletResponse response) throws IOException {
		response.setContentLength(file.data().length);
		Downloads.body(response, file.contentType(), file.filename()).write(file.data());
	}

}
