package org.pomegranate.petition.web;

import org.pomegranate.petition.PetitionCounts;
import org.pomegranate.petition.PetitionFigures;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.RegionScope;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The petition figures of a region and period, with a row for each region below (drill down)
 * and for each month; every number links to the ledger listing exactly the petitions it counts.
 */
@Controller
class PetitionFiguresController {

	private final PetitionFigures figures;

	private final RegionService regions;

	private final RegionScope scope;

	private final Clock clock;

	PetitionFiguresController(PetitionFigures figures, RegionService regions, RegionScope scope, Clock clock) {
		this.figures = figures;
		this.regions = regions;
		this.scope = scope;
		this.clock = clock;
	}

	@GetMapping("/petitions/figures")
	String figures(@RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			Model model) {
		var today = ChinaTime.today(clock);
		var start = from != null ? from : today.withDayOfYear(1);
		var end = to != null ? to : today;
		if (end.isBefore(start) || start.plusYears(10).isBefore(end)) {
			throw new BusinessRuleException("figures.error.period");
		}
		var regionCode = region != null && !region.isBlank() ? region.strip() : scope.prefix();
		model.addAttribute("region", regions.get(regionCode));
		model.addAttribute("path", regions.path(regionCode));
		var children = figures.byChildRegion(regionCode, start, end);
		// Every petition lies in a village below exactly one of the regions below: they add up to
		// the total, which saves counting the period a third time.
		model.addAttribute("total", children.isEmpty() ? figures.figures(regionCode, start, end)
				: children.stream().map(PetitionCounts.Row::figures).reduce(PetitionCounts.NONE, PetitionCounts::plus));
		model.addAttribute("children", children);
		var months = start.plusMonths(24).isBefore(end) ? List.<PetitionCounts.Row>of() : figures.byMonth(regionCode, start, end);
		var monthBounds = new HashMap<String, LocalDate[]>();
		for (var row : months) {
			// The ledger behind a month's figures: that month, cut to the period at both ends.
			var month = YearMonth.parse(row.key());
			monthBounds.put(row.key(), new LocalDate[] { max(month.atDay(1), start), min(month.atEndOfMonth(), end) });
		}
		model.addAttribute("months", months);
		model.addAttribute("monthBounds", monthBounds);
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		return "petition/figures";
	}

	private static LocalDate max(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

}
