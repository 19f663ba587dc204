package org.pomegranate.activity.web;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.pomegranate.activity.ActivityCounts;
import org.pomegranate.activity.ActivityFigures;
import org.pomegranate.activity.ledger.ActivityKind;
import org.pomegranate.figures.Period;
import org.pomegranate.figures.PeriodRange;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.FormText;
import org.pomegranate.shared.RecordNotFoundException;
import org.pomegranate.shared.RegionCode;
import org.pomegranate.shared.RegionScope;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The activity figures of a region and a period (this year by default): sessions by kind,
 * participants, publicity sessions and exchange participants, and the same for each region below
 * (per township, for a county). Every number links to the list of exactly the activities it counts.
 */
@Controller
class ActivityFiguresController {

	private final ActivityFigures figures;

	private final RegionService regions;

	private final RegionScope scope;

	ActivityFiguresController(ActivityFigures figures, RegionService regions, RegionScope scope) {
		this.figures = figures;
		this.regions = regions;
		this.scope = scope;
	}

	@GetMapping("/activities/figures")
	String figures(@RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @Nullable String period, Model model) {
		var today = figures.today();
		var range = PeriodRange.since(figures.firstDay(), today);
		var chosen = period == null || period.isBlank() ? Period.year(today.getYear()) : range.require(Period.parse(period));
		var code = FormText.digits(region);
		// A malformed code is a region that does not exist: the same 404 as an unknown one.
		var regionCode = code == null ? scope.prefix()
				: RegionCode.parse(code).map(RegionCode::toString).orElseThrow(() -> new RecordNotFoundException("Region", code));
		var below = figures.byRegionBelow(regionCode, chosen.from(), chosen.to());
		// Every activity lies in exactly one region below or at the region itself (本级): the rows add
		// up to the total, which saves counting the period a second time. A village has no rows.
		var total = RegionCode.of(regionCode).level().child() == null ? figures.of(regionCode, chosen.from(), chosen.to())
				: below.values().stream().reduce(ActivityCounts.none(), ActivityCounts::plus);
		var rows = new ArrayList<Row>();
		var names = regions.names(below.keySet());
		below.forEach((child, counts) -> rows.add(new Row(child, child.equals(regionCode) ? null : names.get(child),
				counts, new Links(child, chosen))));
		model.addAttribute("region", regions.get(regionCode));
		model.addAttribute("path", regions.path(regionCode));
		model.addAttribute("period", chosen);
		model.addAttribute("range", range);
		model.addAttribute("total", total);
		model.addAttribute("links", new Links(regionCode, chosen));
		model.addAttribute("rows", rows);
		model.addAttribute("kinds", ActivityKind.values());
		return "activity/figures";
	}

	/** A row of the table by region below; {@code name} null for the region's own activities (本级). */
	public record Row(String code, @Nullable String name, ActivityCounts counts, Links links) {
	}

	/** The list behind each figure of a region and a period, as plain paths the template prints. */
	public record Links(String regionCode, Period period) {

		public String all() {
			return "/activities?regionCode=" + regionCode + "&from=" + period.from() + "&to=" + period.to();
		}

		public String kind(String kind) {
			return all() + "&kind=" + kind;
		}

		/** The figures of this region, one level down. */
		public String drill() {
			return "/activities/figures?region=" + regionCode + "&period=" + period.code();
		}

	}


}
