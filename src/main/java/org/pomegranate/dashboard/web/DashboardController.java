package org.pomegranate.dashboard.web;

import org.pomegranate.dashboard.Statistics;
import org.pomegranate.figures.FigureQuery;
import org.pomegranate.figures.Period;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.pomegranate.account.CurrentUser;
import org.pomegranate.account.Role;
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

	DashboardController(Statistics statistics, DashboardParameters parameters) {
		this.statistics = statistics;
		this.parameters = parameters;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) @Nullable Long program, Model model) {
		if (user.role() == Role.REVIEWER) {
			return "home";
		}
		var query = parameters.query(new DashboardRequest(null, period, null, null, program));
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

	private void common(FigureQuery query, Model model) {
		var today = parameters.today();
		model.addAttribute("query", query);
		model.addAttribute("period", query.period());
		model.addAttribute("months", recent(today));
		model.addAttribute("quarters", recentQuarters(today));
		model.addAttribute("years", List.of(today.getYear(), today.getYear() - 1, today.getYear() - 2,
				today.getYear() - 3, today.getYear() - 4));
	}

	private static List<Period> recent(LocalDate today) {
		var months = new ArrayList<Period>();
		for (int i = 0; i < 24; i++) {
			months.add(Period.month(YearMonth.from(today).minusMonths(i)));
		}
		return months;
	}

	private static List<Period> recentQuarters(LocalDate today) {
		var quarters = new ArrayList<Period>();
		var current = Period.quarter(today.getYear(), (today.getMonthValue() - 1) / 3 + 1);
		for (int i = 0; i < 8; i++) {
			quarters.add(current);
			current = current.previous();
		}
		return quarters;
	}

}
