package org.pomegranate.dashboard.web;

import org.pomegranate.dashboard.Statistics;
import org.pomegranate.figures.FigureQuery;
import org.pomegranate.figures.PeriodRange;

import org.jspecify.annotations.Nullable;
import org.pomegranate.account.CurrentUser;
import org.pomegranate.account.Role;
import org.pomegranate.shared.HomeNotice;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The home page: the dashboard of the user's region for supervisors and admins, a smaller one
 * for staff, a greeting for reviewers (who see no figures); and the dashboard of any region
 * below, reached by drill-down.
 */
@Controller
class DashboardController {

	private final Statistics statistics;

	private final DashboardParameters parameters;

	private final java.util.List<HomeNotice> notices;

	DashboardController(Statistics statistics, DashboardParameters parameters, java.util.List<HomeNotice> notices) {
		this.statistics = statistics;
		this.parameters = parameters;
		this.notices = notices;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) @Nullable String year, @RequestParam(required = false) @Nullable String part,
			@RequestParam(required = false) @Nullable Long program, Model model) {
		if (user.role() == Role.REVIEWER) {
			// The modules' lines for this user (the reviewer's evaluations under way).
			model.addAttribute("notices", notices.stream().flatMap(notice -> notice.forCurrentUser().stream()).toList());
			return "home";
		}
		var query = parameters.query(DashboardRequest.home(period, year, part, program));
		if (user.role() == Role.STAFF) {
			model.addAttribute("tiles", statistics.tiles(query));
			common(query, model);
			return "dashboard/staff";
		}
		model.addAttribute("home", true);
		return dashboard(query, model);
	}

	@GetMapping("/dashboard")
	String dashboard(DashboardRequest request, Model model) {
		model.addAttribute("home", false);
		return dashboard(parameters.query(request), model);
	}

	private String dashboard(FigureQuery query, Model model) {
		model.addAttribute("path", statistics.path(query.regionCode()));
		model.addAttribute("tiles", statistics.tiles(query));
		model.addAttribute("ranking", statistics.ranking(query));
		var programs = statistics.programs(query.regionCode());
		model.addAttribute("programs", programs);
		model.addAttribute("program", programs.stream()
			.filter(p -> query.program() != null && p.id() == query.program())
			.findFirst()
			.orElse(programs.isEmpty() ? null : programs.get(0)));
		common(query, model);
		return "dashboard/dashboard";
	}

	/** The period picker: a year since the first record, and the whole year, a quarter or a month of it. */
	private void common(FigureQuery query, Model model) {
		model.addAttribute("query", query);
		model.addAttribute("period", query.period());
		model.addAttribute("years", parameters.periods().years());
		model.addAttribute("parts", PeriodRange.PARTS);
	}

}
