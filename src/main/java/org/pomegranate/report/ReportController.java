package org.pomegranate.report;

import java.io.IOException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.pomegranate.dashboard.Period;
import org.pomegranate.region.RegionLevel;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.Downloads;
import org.pomegranate.shared.RegionScope;
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
		model.addAttribute("regions", regions.selectable(own.codeLength() < RegionLevel.COUNTY.codeLength()
				? RegionLevel.COUNTY : RegionLevel.TOWNSHIP));
		model.addAttribute("periods", periods());
		return "report/reports";
	}

	@PostMapping("/reports")
	String open(@RequestParam String region, @RequestParam String period) {
		var report = reports.openDraft(region.strip(), Period.parse(period));
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

	@PostMapping("/reports/{id}")
	String narrative(@PathVariable long id, @RequestParam(required = false) @Nullable Long version,
			@RequestParam(defaultValue = "") String problems, @RequestParam(defaultValue = "") String plans,
			RedirectAttributes redirect) {
		reports.writeNarrative(id, version == null ? -1 : version, problems, plans);
		redirect.addFlashAttribute("success", "report.saved");
		return "redirect:/reports/" + id;
	}

	@PostMapping("/reports/{id}/freeze")
	String freeze(@PathVariable long id, @RequestParam(required = false) @Nullable Long version,
			RedirectAttributes redirect) {
		reports.freeze(id, version == null ? -1 : version);
		redirect.addFlashAttribute("success", "report.frozen");
		return "redirect:/reports/" + id;
	}

	@GetMapping("/reports/{id}/xlsx")
	void xlsx(@PathVariable long id, HttpServletResponse response) throws IOException {
		send(reports.xlsx(id), response);
	}

	@GetMapping("/reports/{id}/docx")
	void docx(@PathVariable long id, HttpServletResponse response) throws IOException {
		send(reports.docx(id), response);
	}

	private static void send(ReportService.ReportFile file, HttpServletResponse response) throws IOException {
		Downloads.prepare(response, file.contentType(), file.filename());
		response.setContentLength(file.data().length);
		response.getOutputStream().write(file.data());
	}

	/** Last month first (the usual report), then the months, quarters and years before. */
	private List<Period> periods() {
		var today = ChinaTime.today(clock);
		var periods = new ArrayList<Period>();
		for (int i = 1; i <= 12; i++) {
			periods.add(Period.month(YearMonth.from(today).minusMonths(i)));
		}
		var quarter = Period.quarter(today.getYear(), (today.getMonthValue() - 1) / 3 + 1).previous();
		for (int i = 0; i < 4; i++) {
			periods.add(quarter);
			quarter = quarter.previous();
		}
		for (int i = 1; i <= 3; i++) {
			periods.add(Period.year(today.getYear() - i));
		}
		return periods;
	}

}
