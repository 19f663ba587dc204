package org.pomegranate.dashboard;

import org.pomegranate.figures.FigureQuery;
import org.pomegranate.pairing.PairingPrograms;
import org.pomegranate.pairing.PairingPrograms.ProgramSummary;
import org.pomegranate.figures.Breakdown;
import org.pomegranate.figures.FigureSource;
import org.pomegranate.figures.KeyFigure;
import org.pomegranate.figures.Period;
import org.pomegranate.figures.PeriodRange;
import org.pomegranate.figures.TrendSeries;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.pomegranate.region.Region;
import org.pomegranate.region.RegionService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of the dashboards and the monthly report, gathered from every {@link FigureSource}:
 * tiles with their change against the previous period and the year so far, the ranking of the
 * regions below with the weakest flagged, the twelve-month trend and the petitions by category.
 * Always live: every call counts what the ledgers hold now; a figure that stands at a day
 * (coverage) is counted as of the period's last day, or today while the period runs.
 * <p>
 * One repeatable-read snapshot per call, so that its figures agree with each other while
 * others write.
 */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
@PreAuthorize("hasAnyRole('STAFF', 'SUPERVISOR', 'ADMIN')")
public class Statistics {

	/** At most this many regions are flagged per figure, as seed 000 names 3 counties criticised. */
	static final int MAX_FLAGGED = 3;

	private final List<FigureSource> sources;

	private final RegionService regions;

	private final PairingPrograms programs;

	Statistics(List<FigureSource> sources, RegionService regions, PairingPrograms programs) {
		this.sources = sources.stream().sorted(Comparator.comparingInt(FigureSource::order)).toList();
		this.regions = regions;
		this.programs = programs;
	}

	/** Every figure of the region and period, in the sources' order. */
	public List<KeyFigure> figures(FigureQuery query) {
		regions.get(query.regionCode());
		var figures = new ArrayList<KeyFigure>();
		sources.forEach(source -> figures.addAll(source.figures(query)));
		return figures;
	}

	/** The tiles: each figure of the period with the previous period's and the year so far. */
	public List<Tile> tiles(FigureQuery query) {
		var previous = byKey(figures(query.of(query.period().previous())));
		var yearToDate = byKey(figures(query.of(query.period().yearToDate())));
		return figures(query).stream()
			.map(figure -> new Tile(figure, previous.get(figure.key()), yearToDate.get(figure.key())))
			.toList();
	}

	/** One row per region directly below, with every figure, and the weakest flagged on each directed figure. */
	public Ranking ranking(FigureQuery query) {
		var region = regions.get(query.regionCode());
		if (region.getLevel().child() == null) {
			return new Ranking(List.of(), List.of());
		}
		var figures = new HashMap<String, Map<String, KeyFigure>>();
		var keys = new LinkedHashSet<String>();
		for (var source : sources) {
			source.byChildRegion(query).forEach((code, list) -> list.forEach(figure -> {
				keys.add(figure.key());
				figures.computeIfAbsent(code, c -> new LinkedHashMap<>()).put(figure.key(), figure);
			}));
		}
		var children = regions.children(region.getCode());
		var weakest = weakest(children, figures);
		var rows = children.stream()
			.map(child -> new RankingRow(child.getCode(), child.getName(), figures.getOrDefault(child.getCode(), Map.of()),
					weakest.getOrDefault(child.getCode(), Set.of())))
			.toList();
		return new Ranking(List.copyOf(keys), rows);
	}

	/** The twelve months up to the period's end, with every source's series. */
	public Trend trend(String regionCode, Period period) {
		regions.get(regionCode);
		var months = period.trailingYear();
		var labels = new ArrayList<String>();
		for (var month = YearMonth.from(months.from()); !month.isAfter(YearMonth.from(months.to())); month = month.plusMonths(1)) {
			labels.add(month.toString());
		}
		var series = new ArrayList<TrendSeries>();
		sources.forEach(source -> series.addAll(source.trend(regionCode, months)));
		// Bars first, then lines, each in the sources' order: the legend reads petitions, then visits.
		series.sort(Comparator.comparing(TrendSeries::chart));
		return new Trend(labels, series, Map.of());
	}

	/** The first breakdown a source offers for the period (the petitions by category today); empty parts if none. */
	public Breakdown breakdown(String regionCode, Period period) {
		regions.get(regionCode);
		return sources.stream()
			.flatMap(source -> source.breakdown(regionCode, period).stream())
			.findFirst()
			.orElse(new Breakdown("", List.of()));
	}

	/** The periods that may be asked for: from the month of the first record any source holds to this month. */
	public PeriodRange periods(LocalDate today) {
		var first = sources.stream()
			.map(FigureSource::firstDay)
			.flatMap(Optional::stream)
			.min(Comparator.naturalOrder());
		return PeriodRange.since(first, today);
	}

	/** The pairing programs the dashboard of this region may show, the default first. */
	public List<ProgramSummary> programs(String regionCode) {
		regions.get(regionCode);
		return programs.of(regionCode);
	}

	/** The breadcrumb from the user's own region down to this one. */
	public List<Region> path(String regionCode) {
		return regions.path(regionCode);
	}

	/**
	 * For each directed figure, up to {@link #MAX_FLAGGED} of the regions below (at most one in six)
	 * with the worst values, leaving out regions without a value and ties with the best.
	 */
	private static Map<String, Set<String>> weakest(List<Region> children, Map<String, Map<String, KeyFigure>> figures) {
		var flagged = new HashMap<String, Set<String>>();
		int allowed = Math.min(MAX_FLAGGED, Math.max(1, children.size() / 6));
		var keys = new HashSet<String>();
		figures.values().forEach(row -> row.values().stream()
			.filter(f -> f.better() != KeyFigure.Better.NEITHER)
			.forEach(f -> keys.add(f.key())));
		for (var key : keys) {
			var valued = children.stream()
				.map(Region::getCode)
				.filter(code -> figures.getOrDefault(code, Map.of()).get(key) != null
						&& figures.get(code).get(key).value() != null)
				.toList();
			if (valued.size() < 2) {
				continue;
			}
			var better = figures.get(valued.get(0)).get(key).better();
			Comparator<String> worstFirst = Comparator.comparingDouble(code -> figures.get(code).get(key).value());
			if (better == KeyFigure.Better.HIGHER) {
				worstFirst = worstFirst.thenComparing(Comparator.naturalOrder());
			}
			else {
				worstFirst = worstFirst.reversed().thenComparing(Comparator.naturalOrder());
			}
			var ordered = valued.stream().sorted(worstFirst).toList();
			double best = figures.get(ordered.get(ordered.size() - 1)).get(key).value();
			ordered.stream()
				.limit(allowed)
				.filter(code -> figures.get(code).get(key).value() != best)
				.forEach(code -> flagged.computeIfAbsent(code, c -> new HashSet<>()).add(key));
		}
		return flagged;
	}

	private static Map<String, KeyFigure> byKey(List<KeyFigure> figures) {
		var map = new HashMap<String, KeyFigure>();
		figures.forEach(f -> map.put(f.key(), f));
		return map;
	}

	/** A figure with the same figure of the previous period and of the year so far (null: as of today). */
	public record Tile(KeyFigure figure, @Nullable KeyFigure previous, @Nullable KeyFigure yearToDate) {

		/** The change against the previous period, or null where it means nothing. */
		public @Nullable Double change() {
			if (previous == null || previous.value() == null || figure.value() == null) {
				return null;
			}
			return Math.round((figure.value() - previous.value()) * 10) / 10.0;
		}

		/** The change as a tile writes it: +3, -1.2 (percentage points); null where there is none. */
		public @Nullable String changeText() {
			var change = change();
			if (change == null) {
				return null;
			}
			var number = figure.unit() == KeyFigure.Unit.PERCENT ? String.format("%.1f", change)
					: String.valueOf(change.longValue());
			return change > 0 ? "+" + number : number;
		}

		/** Whether the change goes the way that is better; false when it does not matter or is zero. */
		public boolean improved() {
			var change = change();
			return change != null && change != 0 && (figure.better() == KeyFigure.Better.HIGHER) == (change > 0)
					&& figure.better() != KeyFigure.Better.NEITHER;
		}

		public boolean worsened() {
			var change = change();
			return change != null && change != 0 && figure.better() != KeyFigure.Better.NEITHER && !improved();
		}

	}

	public record Ranking(List<String> keys, List<RankingRow> rows) {

		/** The day a standing figure of the regions below stands at (2024年2月29日); null for a figure of the period. */
		public @Nullable String asOfLabel(String key) {
			return rows.stream()
				.map(row -> row.figures().get(key))
				.filter(figure -> figure != null && figure.standing())
				.map(KeyFigure::asOfLabel)
				.findFirst()
				.orElse(null);
		}

	}

	public record RankingRow(String regionCode, String regionName, Map<String, KeyFigure> figures, Set<String> weakest) {
	}

	/**
	 * The months of the trend chart ({@code 2024-02}), each source's series over them, and the
	 * legend of each series in the reader's language.
	 */
	public record Trend(List<String> months, List<TrendSeries> series, Map<String, String> labels) {

		public Trend labelled(java.util.function.Function<String, String> label) {
			var labels = new LinkedHashMap<String, String>();
			series.forEach(s -> labels.put(s.key(), label.apply(s.key())));
			return new Trend(months, series, labels);
		}

	}

}
