package org.pomegranate.petition;

import org.pomegranate.figures.FigureQuery;
import org.pomegranate.figures.FigureSource;
import org.pomegranate.figures.KeyFigure;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.pomegranate.figures.Breakdown;
import org.pomegranate.figures.Period;
import org.pomegranate.figures.TrendSeries;
import org.pomegranate.figures.TrendSeries.Chart;

import org.pomegranate.figures.KeyFigure.Better;
import org.springframework.stereotype.Component;

/**
 * The petition ledger's figures (收集、解决、政策解答、未办结、逾期、满意率、信访积案), read from
 * {@link PetitionFigures} like the petition figures page.
 */
@Component
class PetitionFigureSource implements FigureSource {

	private final PetitionFigures petitions;

	PetitionFigureSource(PetitionFigures petitions) {
		this.petitions = petitions;
	}

	@Override
	public int order() {
		return 20;
	}

	@Override
	public List<KeyFigure> figures(FigureQuery query) {
		var period = query.period();
		var figures = of(petitions.figures(query.regionCode(), period.from(), period.to()));
		if (!query.periodOnly()) {
			figures.add(KeyFigure.count("figure.petitions.openBacklog", petitions.openBacklogCases(query.regionCode()),
					Better.NEITHER).standingOn(query.today()));
		}
		return figures;
	}

	@Override
	public Map<String, List<KeyFigure>> byChildRegion(FigureQuery query) {
		var period = query.period();
		var rows = new LinkedHashMap<String, List<KeyFigure>>();
		for (var row : petitions.byChildRegion(query.regionCode(), period.from(), period.to())) {
			rows.put(row.key(), of(row.figures()));
		}
		return rows;
	}

	/** Petitions collected in each month, and of them those closed by now. */
	@Override
	public List<TrendSeries> trend(String regionCode, Period months) {
		var rows = petitions.byMonth(regionCode, months.from(), months.to());
		return List.of(
				new TrendSeries("dashboard.trend.collected", Chart.BAR,
						rows.stream().map(row -> row.figures().collected()).toList()),
				new TrendSeries("dashboard.trend.closed", Chart.BAR,
						rows.stream().map(row -> row.figures().closed()).toList()));
	}

	/** The day the first petition was received. */
	@Override
	public Optional<LocalDate> firstDay() {
		return petitions.firstReceivedOn();
	}

	/** The petitions collected in the period by category. */
	@Override
	public Optional<Breakdown> breakdown(String regionCode, Period period) {
		return Optional.of(new Breakdown("figure.petitions.byCategory",
				petitions.byCategory(regionCode, period.from(), period.to())
					.stream()
					.map(count -> new Breakdown.Part(count.category(), count.collected()))
					.toList()));
	}

	private static List<KeyFigure> of(PetitionCounts f) {
		var figures = new ArrayList<KeyFigure>();
		figures.add(KeyFigure.count("figure.petitions.collected", f.collected(), Better.NEITHER));
		figures.add(KeyFigure.count("figure.petitions.resolved", f.resolved(), Better.NEITHER));
		figures.add(KeyFigure.count("figure.petitions.policy", f.policy(), Better.NEITHER));
		figures.add(KeyFigure.count("figure.petitions.unresolvable", f.unresolvable(), Better.NEITHER));
		figures.add(KeyFigure.count("figure.petitions.open", f.open(), Better.NEITHER));
		figures.add(KeyFigure.count("figure.petitions.overdue", f.overdue(), Better.LOWER));
		figures.add(KeyFigure.percent("figure.petitions.satisfaction", f.satisfied(), f.rated(), Better.HIGHER));
		figures.add(KeyFigure.count("figure.petitions.backlogClosed", f.backlogClosed(), Better.NEITHER));
		return figures;
	}

}
