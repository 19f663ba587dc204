package org.pomegranate.pairing;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pomegranate.region.RegionService;
import org.pomegranate.shared.RegionCode;
import org.pomegranate.shared.WholeMonths;
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
 * A province or a prefecture sums the per-county tallies that triggers keep exact: the monthly
 * one for the whole months of a period, the daily one for the days of a partial month at either
 * end (both in {@code V20__visit_tallies.sql}). A county and below count their rows on the region
 * index, as every figure does ({@link RegionCode#isAboveCounty}). The tests hold the two ways to
 * the same figures.
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
		return count(regionCode, from, toInclusive, "''", RegionCode.of(regionCode).isAboveCounty()).getOrDefault("",
				VisitCounts.NONE);
	}

	/** The visits of each region directly below {@code regionCode}, in code order. */
	public List<Row> byChildRegion(String regionCode, LocalDate from, LocalDate toInclusive) {
		var childLevel = regions.get(regionCode).getLevel().child();
		if (childLevel == null) {
			return List.of();
		}
		int childLength = childLevel.codeLength();
		boolean tallied = RegionCode.of(regionCode).isAboveCounty();
		var key = "substr(" + (tallied ? "county_code" : "region_code") + ", 1, " + childLength + ")";
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
		var counts = count(regionCode, from, toInclusive, "to_char(visited_on, 'YYYY-MM')",
				RegionCode.of(regionCode).isAboveCounty());
		var rows = new ArrayList<Row>();
		for (var month = YearMonth.from(from); !month.isAfter(YearMonth.from(toInclusive)); month = month.plusMonths(1)) {
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
		var months = WholeMonths.of(from, toInclusive);
		if (!tallied) {
			add(counts, COUNTED.formatted(key), regionCode, from, toInclusive);
		}
		else {
			if (months.any()) {
				add(counts, TALLIED_MONTHS.formatted(key), regionCode, months.first().atDay(1), months.last().atDay(1));
			}
			for (var days : months.days()) {
				add(counts, TALLIED.formatted(key), regionCode, days.from(), days.to());
			}
		}
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
