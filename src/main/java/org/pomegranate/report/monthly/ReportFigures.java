package org.pomegranate.report.monthly;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.pomegranate.figures.FigureQuery;
import org.pomegranate.figures.KeyFigure;
import org.pomegranate.figures.Period;
import org.pomegranate.figures.PeriodRange;
import org.pomegranate.dashboard.Statistics;
import org.pomegranate.pairing.Coverage;
import org.pomegranate.pairing.VisitFigures;
import org.pomegranate.pairing.VisitKind;
import org.pomegranate.petition.PetitionCounts;
import org.pomegranate.petition.PetitionFigures;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.ChinaTime;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Gathers a report's figures from the dashboards' {@link Statistics} (every figure source, so a
 * later module's figures appear in the report too) and from the pairing and petition modules'
 * own figure services, never from a query of its own.
 */
@Component
public class ReportFigures {

	/** Reports are official Chinese documents, whatever the language of the admin's screen. */
	static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private final Statistics statistics;

	private final PetitionFigures petitions;

	private final VisitFigures visits;

	private final Coverage coverage;

	private final RegionService regions;

	private final MessageSource messages;

	private final Clock clock;

	ReportFigures(Statistics statistics, PetitionFigures petitions, VisitFigures visits, Coverage coverage,
			RegionService regions, MessageSource messages, Clock clock) {
		this.statistics = statistics;
		this.petitions = petitions;
		this.visits = visits;
		this.coverage = coverage;
		this.regions = regions;
		this.messages = messages;
		this.clock = clock;
	}

	ReportData of(String regionCode, Period period) {
		var region = regions.get(regionCode);
		var today = ChinaTime.today(clock);
		var query = new FigureQuery(regionCode, period, null, false, today);

		var previous = byKey(statistics.figures(query.of(period.previous())));
		var lastYear = byKey(statistics.figures(query.of(period.sameLastYear())));
		var summary = new ArrayList<ReportData.SummaryLine>();
		for (var figure : statistics.figures(query)) {
			var before = previous.get(figure.key());
			var yearAgo = lastYear.get(figure.key());
			summary.add(new ReportData.SummaryLine(figure.key(), label(figure.key()), isPercent(figure), figure.value(),
					value(before), value(yearAgo), figure.standing(), figure.asOf(), figure.ratio(), ratio(before),
					ratio(yearAgo)));
		}

		var ranking = statistics.ranking(query);
		var columns = new ArrayList<ReportData.Column>();
		var children = new ArrayList<ReportData.ChildLine>();
		var columnFigures = new HashMap<String, KeyFigure>();
		ranking.rows().forEach(row -> row.figures().values().forEach(f -> columnFigures.putIfAbsent(f.key(), f)));
		ranking.keys().forEach(key -> {
			var figure = columnFigures.get(key);
			columns.add(new ReportData.Column(key, label(key), figure != null && isPercent(figure),
					figure == null ? null : figure.asOf()));
		});
		for (var row : ranking.rows()) {
			var values = new LinkedHashMap<String, @Nullable Double>();
			var ratios = new LinkedHashMap<String, @Nullable Double>();
			ranking.keys().forEach(key -> {
				values.put(key, value(row.figures().get(key)));
				ratios.put(key, ratio(row.figures().get(key)));
			});
			children.add(new ReportData.ChildLine(row.regionCode(), row.regionName(), values, ratios,
					row.weakest().stream().sorted().toList()));
		}

		var programs = new ArrayList<ReportData.CoverageLine>();
		for (var program : statistics.programs(regionCode)) {
			var total = coverage.of(program.id(), regionCode, query.standingOn()).total();
			programs.add(new ReportData.CoverageLine(program.name(), total.target(), total.paired(), total.unpaired(),
					total.coveragePercent(), total.overdue()));
		}

		var counts = visits.total(regionCode, period.from(), period.to());
		var visitLines = new ArrayList<ReportData.VisitLine>();
		for (var kind : VisitKind.values()) {
			visitLines.add(new ReportData.VisitLine(kind.name(), label("VisitKind." + kind.name()), counts.of(kind)));
		}

		long openBacklog = petitions.openBacklogCases(regionCode);
		var yearToDate = period.yearToDate();
		return new ReportData(regionCode, region.getName(), period.code(), period.label(), today, summary,
				columns, children, programs, visitLines,
				petitions(petitions.figures(regionCode, period.from(), period.to()), openBacklog),
				petitions(petitions.figures(regionCode, yearToDate.from(), yearToDate.to()), openBacklog),
				query.standingOn());
	}

	/** The months a report may be asked for, from the first record to this month. */
	PeriodRange periods() {
		return statistics.periods(ChinaTime.today(clock));
	}

	String label(String key) {
		return messages.getMessage(key, null, key, CHINESE);
	}

	private static ReportData.Petitions petitions(PetitionCounts f, long openBacklog) {
		return new ReportData.Petitions(f.collected(), f.resolved(), f.policy(), f.unresolvable(), f.open(), f.overdue(),
				f.satisfactionPercent(), f.backlogClosed(), openBacklog);
	}

	private static boolean isPercent(KeyFigure figure) {
		return figure.unit() == KeyFigure.Unit.PERCENT;
	}

	private static @Nullable Double value(@Nullable KeyFigure figure) {
		return figure == null ? null : figure.value();
	}

	private static @Nullable Double ratio(@Nullable KeyFigure figure) {
		return figure == null ? null : figure.ratio();
	}

	private static HashMap<String, KeyFigure> byKey(List<KeyFigure> figures) {
		var map = new HashMap<String, KeyFigure>();
		figures.forEach(f -> map.put(f.key(), f));
		return map;
	}

}
