package org.pomegranate.dashboard;

import java.util.List;

import org.pomegranate.petition.PetitionFigures;
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

	StatisticsApiController(Statistics statistics, DashboardParameters parameters) {
		this.statistics = statistics;
		this.parameters = parameters;
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
	List<Statistics.TrendMonth> trend(DashboardRequest request) {
		var query = parameters.query(request);
		return statistics.trend(query.regionCode(), query.period());
	}

	@GetMapping("/categories")
	List<PetitionFigures.CategoryCount> categories(DashboardRequest request) {
		var query = parameters.query(request);
		return statistics.categories(query.regionCode(), query.period());
	}

}
