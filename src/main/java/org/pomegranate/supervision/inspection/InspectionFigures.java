package org.pomegranate.supervision.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pomegranate.figures.Period;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.RegionCode;
import org.pomegranate.shared.RegionScope;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supervision figures of a region's subtree, counted live from the ledgers:
 * <ul>
 * <li>{@code figure.rectifications.open}: rectifications ordered by the day and not verified on it
 * ({@code rectification_open_on}); standing as of the period's last day, or today while it runs;</li>
 * <li>{@code figure.rectifications.overdue}: of those, past the deadline and not waiting in a
 * report ({@code rectification_overdue_on}); standing likewise; the lower the better;</li>
 * <li>{@code figure.findings}: findings recorded in the period;</li>
 * <li>{@code figure.notices.praise}, {@code figure.notices.criticism}: notices issued in the
 * subtree and published in the period, not retracted.</li>
 * </ul>
 * The region a rectification or finding counts in is the responsible one; a notice's, the issuing
 * one. Each figure has the list behind it ({@link #links}), which counts with the same SQL functions.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('STAFF', 'SUPERVISOR', 'ADMIN')")
public class InspectionFigures {

	public static final String OPEN = "figure.rectifications.open";

	public static final String OVERDUE = "figure.rectifications.overdue";

	public static final String FINDINGS = "figure.findings";

	public static final String PRAISE = "figure.notices.praise";

	public static final String CRITICISM = "figure.notices.criticism";

	public static final List<String> KEYS = List.of(OPEN, OVERDUE, FINDINGS, PRAISE, CRITICISM);

	private static final String RECTIFICATIONS = """
			select %1$s as code,
			       count(*) filter (where rectification_open_on(opened_on, closed_on, :day)) as open,
			       count(*) filter (where rectification_overdue_on(state, opened_on, due_on, reported_on, closed_on, :day)) as overdue
			from rectification
			where region_code like :prefix and %2$s
			group by 1""";

	/** Open on a day; today that is "not verified", which the partial index rectification_open holds. */
	private static final String OPEN_ON_DAY = "opened_on <= :day and (closed_on is null or closed_on > :day)";

	private static final String OPEN_TODAY = "state <> 'VERIFIED'";

	private static final String FINDINGS_IN_PERIOD = """
			select %1$s as code, count(*) as n from finding
			where region_code like :prefix and found_on between :from and :to group by 1""";

	private static final String NOTICES_IN_PERIOD = """
			select %1$s as code, count(*) filter (where kind = 'PRAISE') as praise,
			       count(*) filter (where kind = 'CRITICISM') as criticism
			from notice
			where region_code like :prefix and state = 'PUBLISHED' and published_on between :from and :to group by 1""";

	private final NamedParameterJdbcTemplate jdbc;

	private final RegionService regions;

	private final RegionScope scope;

	private final Clock clock;

	InspectionFigures(NamedParameterJdbcTemplate jdbc, RegionService regions, RegionScope scope, Clock clock) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.scope = scope;
		this.clock = clock;
	}

	/** The five counts of one region. */
	public record Counts(long open, long overdue, long findings, long praise, long criticism) {

		static final Counts NONE = new Counts(0, 0, 0, 0, 0);

		Counts plus(Counts other) {
			return new Counts(open + other.open, overdue + other.overdue, findings + other.findings, praise + other.praise,
					criticism + other.criticism);
		}

		/** The count of the figure named {@code key}, one of {@link #KEYS}. */
		public long value(String key) {
			return switch (key) {
				case OPEN -> open;
				case OVERDUE -> overdue;
				case FINDINGS -> findings;
				case PRAISE -> praise;
				case CRITICISM -> criticism;
				default -> throw new IllegalArgumentException(key);
			};
		}

	}

	/** The counts of the region's subtree: standing as of {@code day}, the rest over {@code period}. */
	public Counts of(String regionCode, Period period, LocalDate day) {
		scope.checkRegion(regionCode, "Region", regionCode);
		regions.get(regionCode);
		return count(regionCode, period, day, "''").getOrDefault("", Counts.NONE);
	}

	/** The counts of each region directly below, by code, every child present. */
	public Map<String, Counts> byChildRegion(String regionCode, Period period, LocalDate day) {
		scope.checkRegion(regionCode, "Region", regionCode);
		var rows = new LinkedHashMap<String, Counts>();
		var child = RegionCode.of(regionCode).level().child();
		if (child == null) {
			return rows;
		}
		var counts = count(regionCode, period, day, "left(region_code, " + child.codeLength() + ")");
		regions.children(regionCode).forEach(c -> rows.put(c.getCode(), counts.getOrDefault(c.getCode(), Counts.NONE)));
		return rows;
	}

	/** The counts of a region and of each region directly below it, from one pass over its rows (the figures page). */
	public record Table(Counts total, Map<String, Counts> below) {
	}

	public Table withRegionsBelow(String regionCode, Period period, LocalDate day) {
		scope.checkRegion(regionCode, "Region", regionCode);
		var child = RegionCode.of(regionCode).level().child();
		if (child == null) {
			return new Table(of(regionCode, period, day), Map.of());
		}
		int length = child.codeLength();
		// Rows of the region itself (shorter codes) count in its total, under no region below.
		var counts = count(regionCode, period, day,
				"case when length(region_code) >= " + length + " then left(region_code, " + length + ") else '' end");
		var total = counts.values().stream().reduce(Counts.NONE, Counts::plus);
		var below = new LinkedHashMap<String, Counts>();
		regions.children(regionCode).forEach(c -> below.put(c.getCode(), counts.getOrDefault(c.getCode(), Counts.NONE)));
		return new Table(total, below);
	}

	private Map<String, Counts> count(String regionCode, Period period, LocalDate day, String key) {
		var parameters = new MapSqlParameterSource().addValue("prefix", regionCode + "%")
			.addValue("day", day)
			.addValue("from", period.from())
			.addValue("to", period.to());
		var open = new HashMap<String, long[]>();
		var openFilter = day.equals(ChinaTime.today(clock)) ? OPEN_TODAY : OPEN_ON_DAY;
		jdbc.query(RECTIFICATIONS.formatted(key, openFilter), parameters,
				row -> {
					open.put(row.getString("code"), new long[] { row.getLong("open"), row.getLong("overdue") });
				});
		var findings = new HashMap<String, Long>();
		jdbc.query(FINDINGS_IN_PERIOD.formatted(key), parameters, row -> {
			findings.put(row.getString("code"), row.getLong("n"));
		});
		var notices = new HashMap<String, long[]>();
		jdbc.query(NOTICES_IN_PERIOD.formatted(key), parameters, row -> {
			notices.put(row.getString("code"), new long[] { row.getLong("praise"), row.getLong("criticism") });
		});
		var codes = new java.util.HashSet<String>();
		codes.addAll(open.keySet());
		codes.addAll(findings.keySet());
		codes.addAll(notices.keySet());
		var counts = new HashMap<String, Counts>();
		for (var code : codes) {
			var o = open.getOrDefault(code, new long[2]);
			var n = notices.getOrDefault(code, new long[2]);
			counts.put(code, new Counts(o[0], o[1], findings.getOrDefault(code, 0L), n[0], n[1]));
		}
		return counts;
	}

	/**
	 * The list behind each figure of {@code regionCode}, by figure key: the ledger (open or overdue
	 * on the day; the findings' rectifications ordered in the period) and the notices published in it.
	 */
	public static Map<String, String> links(String regionCode, Period period, LocalDate day) {
		var links = new LinkedHashMap<String, String>();
		links.put(OPEN, "/rectifications?region=" + regionCode + "&openOn=" + day);
		links.put(OVERDUE, "/rectifications?region=" + regionCode + "&overdueOn=" + day);
		links.put(FINDINGS, "/rectifications?region=" + regionCode + "&source=FINDING&from=" + period.from() + "&to="
				+ period.to());
		links.put(PRAISE, "/notices?region=" + regionCode + "&kind=PRAISE&state=PUBLISHED&from=" + period.from() + "&to="
				+ period.to());
		links.put(CRITICISM, "/notices?region=" + regionCode + "&kind=CRITICISM&state=PUBLISHED&from=" + period.from()
				+ "&to=" + period.to());
		return links;
	}

}
