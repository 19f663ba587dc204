package org.pomegranate.activity;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.pomegranate.activity.ledger.ActivityKind;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.RegionCode;
import org.pomegranate.shared.RegionLevel;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.shared.TallyReading;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of the activities for a region subtree and a period: the one query code that the
 * dashboards, the monthly report, the figures page and the list's totals read. Always live: above
 * a county the whole months of the period are summed from {@code activity_tally} (per county, month
 * and kind, db/TALLIES.md) and the days around them from {@code activity_day_tally} (per day, county
 * and kind); a county and below count the rows on the region index. Both ways give the same figures; the tests hold them to it.
 * <p>
 * Definitions, for the activities whose region code lies in the subtree and whose <b>first day</b>
 * lies in the period (an activity of several days counts once, in the period it began):
 * <ul>
 * <li><b>sessions</b> 活动场次: the activities, and by kind;</li>
 * <li><b>publicity sessions</b> 宣传宣讲场次: those of kind 宣传宣讲;</li>
 * <li><b>participants</b> 参与人次: the sum of their participant totals (a person at two sessions
 * counts twice, as the seeds count 人次), and by kind;</li>
 * <li><b>exchange participants</b> 交流交往交融人数: the participants of kind 交往交流交融;</li>
 * <li><b>by region below</b> (per township, for a county): the same per region directly below; an
 * activity recorded at the region itself (a county-level session) is its own row, 本级, so that the
 * rows add up to the whole.</li>
 * </ul>
 * One repeatable-read snapshot per call, so that its figures agree with each other while others write.
 */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
@PreAuthorize("hasAnyRole('STAFF', 'SUPERVISOR', 'ADMIN')")
public class ActivityFigures {

	private static final String ROWS = """
			select %s as key, kind, count(*) as sessions, coalesce(sum(participants), 0) as participants
			from activity
			where region_code like :prefix and started_on between :from and :to
			group by 1, 2
			""";

	private static final String MONTHS = """
			select %s as key, kind, sum(sessions) as sessions, sum(participants) as participants
			from activity_tally
			where county_code like :prefix and started_month between :first and :last
			group by 1, 2
			""";

	private static final String DAYS = """
			select %s as key, kind, sum(sessions) as sessions, sum(participants) as participants
			from activity_day_tally
			where started_on between :from and :to and county_code like :prefix
			group by 1, 2
			""";

	private final NamedParameterJdbcTemplate jdbc;

	private final RegionScope scope;

	private final Clock clock;

	ActivityFigures(NamedParameterJdbcTemplate jdbc, RegionScope scope, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.clock = clock;
	}

	/** The activities of the region's subtree whose first day lies from {@code from} to {@code to}. */
	public ActivityCounts of(String regionCode, LocalDate from, LocalDate to) {
		return count(regionCode, from, to, null).getOrDefault("", ActivityCounts.none());
	}

	/**
	 * The same for each region directly below that has activities, by code, and under the region's own
	 * code those recorded at the region itself (本级); in code order.
	 */
	public Map<String, ActivityCounts> byRegionBelow(String regionCode, LocalDate from, LocalDate to) {
		var level = RegionCode.of(regionCode).level().child();
		if (level == null) {
			return Map.of();
		}
		return new TreeMap<>(count(regionCode, from, to, level));
	}

	/** The first day of the earliest activity in the whole ledger, from which on a period may be chosen. */
	public Optional<LocalDate> firstDay() {
		return Optional.ofNullable(jdbc.getJdbcTemplate().queryForObject("select min(started_on) from activity", LocalDate.class));
	}

	public LocalDate today() {
		return ChinaTime.today(clock);
	}

	private Map<String, ActivityCounts> count(String regionCode, LocalDate from, LocalDate to,
			@Nullable RegionLevel below) {
		scope.checkRegion(regionCode, "Region", regionCode);
		var builders = new LinkedHashMap<String, ActivityCounts.Builder>();
		String rowKey = below == null ? "''" : TallyReading.byRegionBelow("region_code", below.codeLength());
		String tallyKey = below == null ? "''" : TallyReading.byRegionBelow("county_code", below.codeLength());
		TallyReading.count(from, to, TallyReading.tallied(regionCode),
				(first, last) -> add(builders, ROWS.formatted(rowKey), days(regionCode, first, last)),
				(first, last) -> add(builders, MONTHS.formatted(tallyKey), months(regionCode, first, last)),
				(first, last) -> add(builders, DAYS.formatted(tallyKey), days(regionCode, first, last)));
		var counts = new LinkedHashMap<String, ActivityCounts>();
		builders.forEach((key, builder) -> counts.put(key, builder.build()));
		return counts;
	}

	private void add(Map<String, ActivityCounts.Builder> builders, String sql, MapSqlParameterSource parameters) {
		jdbc.query(sql, parameters, row -> {
			builders.computeIfAbsent(row.getString("key"), key -> new ActivityCounts.Builder())
				.add(ActivityKind.valueOf(row.getString("kind")), row.getLong("sessions"), row.getLong("participants"));
		});
	}

	private static MapSqlParameterSource days(String regionCode, LocalDate from, LocalDate to) {
		return new MapSqlParameterSource("prefix", regionCode + "%").addValue("from", Date.valueOf(from))
			.addValue("to", Date.valueOf(to));
	}

	private static MapSqlParameterSource months(String regionCode, YearMonth first, YearMonth last) {
		return new MapSqlParameterSource("prefix", regionCode + "%").addValue("first", Date.valueOf(first.atDay(1)))
			.addValue("last", Date.valueOf(last.atDay(1)));
	}

}
