package org.pomegranate.pairing;


import org.pomegranate.figures.FigureQuery;
import org.pomegranate.figures.FigureSource;
import org.pomegranate.figures.KeyFigure;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.pomegranate.figures.Period;
import org.pomegranate.figures.TrendSeries;
import org.pomegranate.figures.TrendSeries.Chart;

import org.pomegranate.figures.KeyFigure.Better;
import org.springframework.stereotype.Component;

/**
 * The pairing figures: coverage, unpaired and overdue households of the chosen program as of
 * the period's end, or today while it runs (from {@link Coverage}, like the coverage page), and
 * the visits of the period (from {@link VisitFigures}).
 */
@Component
class PairingFigureSource implements FigureSource {

	private final Coverage coverage;

	private final VisitFigures visits;

	private final PairingPrograms programs;

	PairingFigureSource(Coverage coverage, VisitFigures visits, PairingPrograms programs) {
		this.coverage = coverage;
		this.visits = visits;
		this.programs = programs;
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	public List<KeyFigure> figures(FigureQuery query) {
		var figures = new ArrayList<KeyFigure>();
		var program = query.periodOnly() ? null : programs.chosen(query.regionCode(), query.program());
		if (program != null) {
			var report = coverage.of(program.id(), query.regionCode(), query.standingOn());
			figures.addAll(coverageOf(report.total(), report.asOf()));
		}
		var period = query.period();
		figures.add(visitsOf(visits.total(query.regionCode(), period.from(), period.to()).total()));
		return figures;
	}

	@Override
	public Map<String, List<KeyFigure>> byChildRegion(FigureQuery query) {
		var rows = new LinkedHashMap<String, List<KeyFigure>>();
		var program = programs.chosen(query.regionCode(), query.program());
		if (program != null) {
			var report = coverage.of(program.id(), query.regionCode(), query.standingOn());
			for (var row : report.children()) {
				rows.put(row.regionCode(), new ArrayList<>(coverageOf(row, report.asOf())));
			}
		}
		var period = query.period();
		for (var row : visits.byChildRegion(query.regionCode(), period.from(), period.to())) {
			rows.computeIfAbsent(row.key(), k -> new ArrayList<>()).add(visitsOf(row.counts().total()));
		}
		return rows;
	}

	/** The visits of each month. */
	@Override
	public List<TrendSeries> trend(String regionCode, Period months) {
		return List.of(new TrendSeries("dashboard.trend.visits", Chart.LINE,
				visits.byMonth(regionCode, months.from(), months.to()).stream().map(row -> row.counts().total()).toList()));
	}

	/** The first pairing start or visit. */
	@Override
	public Optional<LocalDate> firstDay() {
		return coverage.firstDay();
	}

	private static List<KeyFigure> coverageOf(CoverageReport.Row row, LocalDate asOf) {
		return List.of(
				KeyFigure.percent("figure.pairing.coverage", row.paired(), row.target(), Better.HIGHER).standingOn(asOf),
				KeyFigure.count("figure.pairing.unpaired", row.unpaired(), Better.NEITHER).standingOn(asOf),
				KeyFigure.count("figure.pairing.overdue", row.overdue(), Better.LOWER).standingOn(asOf));
	}

	private static KeyFigure visitsOf(long count) {
		return KeyFigure.count("figure.visits", count, Better.NEITHER);
	}

}
