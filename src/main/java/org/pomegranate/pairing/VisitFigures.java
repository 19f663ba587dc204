package org.pomegranate.pairing;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pomegranate.region.RegionService;
import org.pomegranate.shared.TallyReading;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many visits (走访) were made in a region subtree and a period, by kind, by month and by
 * region below: the one query code the dashboards and the monthly report read.
 * <p>
 * A province or a prefecture sums the per-county tallies that triggers keep exact: the
 * monthly one for the whole months of a period, the daily one for the days of a partial month at
 * either end (both in {@code db/TALLIES.md}). A county and below count their rows on the region index, as
 * every figure does ({@link TallyReading#tallied}). The tests hold the two ways to the same figures.
 * <p>
 * One repeatable-read snapshot per call, so that its figures agree with each other while
 * others write.
 */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
@PreAuthorize("hasAnyRole('STAFF', 'SUPERVISOR', 'ADMIN')")
public class VisitFigures {

	private static final String TALLIED = """
			select %s as key, kind, sum(visits) as visits
			from visit_tally
			where county_code like :prefix and visited_on between :from and :to
			group by 1, 2
			""";

	/** Months read as their first day, so that the same key expressions serve both tallies. */
	private static final String TALLIED_MONTHS = """
			select %s as key, kind, sum(visits) as visits
			from (select county_code, visited_month as visited_on, kind, visits from visit_month_tally
			      where visited_month between :from and :to) months
			where county_code like :prefix
			group by 1, 2
			""";

	private static final String COUNTED = """
			select %s as key, kind, count(*) as visits
			from visit
			where region_code like :prefix and visited_on between :from and :to
			group by 1, 2
			""";

	private final NamedParameterJdbcTemplate jdbc;

	private final RegionService regions;

	VisitFigures(NamedParameterJdbcTemplate jdbc, RegionService regions) {
		this.jdbc = jdbc;
		this.regions = regions;
	}

	/** The visits of {@code regionCode} (in the user's scope) and below, by kind. */
	public VisitCounts total(String regionCode, LocalDate from, LocalDate toInclusive) {
		regions.get(regionCode);
		return count(regionCode, from, toInclusive, "''", TallyReading.tallied(regionCode)).getOrDefault("", VisitCounts.NONE);
	}

	/** The visits of each region directly below {@code regionCode}, in code order. */
	public List<Row> byChildRegion(String regionCode, LocalDate from, LocalDate toInclusive) {
		var childLevel = regions.get(regionCode).getLevel().child();
		if (childLevel == null) {
			return List.of();
		}
		int childLength = childLevel.codeLength();
		boolean tallied = TallyReading.tallied(regionCode);
		var key = TallyReading.byRegionBelow(tallied ? "county_code" : "region_code", childLength);
		var counts = count(regionCode, from, toInclusive, key, tallied);
		var rows = new ArrayList<Row>();
		for (var child : regions.children(regionCode)) {
			rows.add(new Row(child.getCode(), child.getName(), counts.getOrDefault(child.getCode(), VisitCounts.NONE)));
		}
		return rows;
	}

	/** The visits of each month of the period, oldest first (empty months included). */
	public List<Row> byMonth(String regionCode, LocalDate from, LocalDate toInclusive) {
		regions.get(regionCode);
		var counts = count(regionCode, from, toInclusive, TallyReading.byMonth("visited_on"), TallyReading.tallied(regionCode));
		var rows = new ArrayList<Row>();
		for (var month : TallyReading.months(from, toInclusive)) {
			rows.add(new Row(month.toString(), month.toString(), counts.getOrDefault(month.toString(), VisitCounts.NONE)));
		}
		return rows;
	}

	/**
	 * Counts from the tallies or from the rows, grouped by a key expression and the kind. From the
	 * tallies, whole months come from the monthly one and the days around them from the daily one.
	 */
	Map<String, VisitCounts> count(String regionCode, LocalDate from, LocalDate toInclusive, String key,
			boolean tallied) {
		var counts = new HashMap<String, EnumMap<VisitKind, Long>>();
		TallyReading.count(from, toInclusive, tallied,
				(start, end) -> add(counts, COUNTED.formatted(key), regionCode, start, end),
				(first, last) -> add(counts, TALLIED_MONTHS.formatted(key), regionCode, first.atDay(1), last.atDay(1)),
				(start, end) -> add(counts, TALLIED.formatted(key), regionCode, start, end));
		var result = new HashMap<String, VisitCounts>();
		counts.forEach((k, byKind) -> result.put(k, new VisitCounts(byKind)));
		return result;
	}

	private void add(Map<String, EnumMap<VisitKind, Long>> counts, String sql, String regionCode, LocalDate from,
			LocalDate to) {
		var parameters = new MapSqlParameterSource().addValue("prefix", regionCode + "%")
			.addValue("from", Date.valueOf(from))
			.addValue("to", Date.valueOf(to));
		jdbc.query(sql, parameters, row -> {
			counts.computeIfAbsent(row.getString("key"), k -> new EnumMap<>(VisitKind.class))
				.merge(VisitKind.valueOf(row.getString("kind")), row.getLong("visits"), Long::sum);
		});
	}

	/** One line of a breakdown: a region below, or a month. */
	public record Row(String key, String name, VisitCounts counts) {
	}

}
