package org.pomegranate.dashboard.web;

import org.pomegranate.dashboard.Statistics;
import java.util.List;

import org.pomegranate.figures.Breakdown;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON the dashboard's charts read: the same figures as the page, behind the same login and
 * region scope (a region outside it answers 404).
 */
@RestController
@RequestMapping("/api/stats")
class StatisticsApiController {

	private final Statistics statistics;

	private final DashboardParameters parameters;

	private final MessageSource messages;

	StatisticsApiController(Statistics statistics, DashboardParameters parameters, MessageSource messages) {
		this.statistics = statistics;
		this.parameters = parameters;
		this.messages = messages;
	}

	@GetMapping("/tiles")
	List<Statistics.Tile> tiles(DashboardRequest request) {
		return statistics.tiles(parameters.query(request));
	}

	@GetMapping("/regions")
	Statistics.Ranking regions(DashboardRequest request) {
		return statistics.ranking(parameters.query(request));
	}

	@GetMapping("/trend")
	Statistics.Trend trend(DashboardRequest request) {
		var query = parameters.query(request);
		return statistics.trend(query.regionCode(), query.period())
			.labelled(key -> messages.getMessage(key, null, key, LocaleContextHolder.getLocale()));
	}

	@GetMapping("/categories")
	Breakdown categories(DashboardRequest request) {
		var query = parameters.query(request);
		return statistics.breakdown(query.regionCode(), query.period());
	}

}
