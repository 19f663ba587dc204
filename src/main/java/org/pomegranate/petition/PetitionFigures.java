package org.pomegranate.petition;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.pomegranate.region.RegionService;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.TallyReading;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The petition figures (收集、推送、接单、化解、政策解答 …) of a region subtree and a period: the one
 * query code the figures page, the dashboards and the monthly report read, so they never disagree.
 * Always live. A county and below is counted in one pass over the index {@code petition_figures}
 * plus a small pass over the backlog cases. A province or prefecture sums the per-county, per-month
 * tallies that a trigger keeps exact (see {@code db/TALLIES.md}) for the whole months
 * of the period, counts the rows of the partial months at its ends, and counts overdue from the
 * open petitions: the same numbers, from thousands of rows instead of hundreds of thousands.
 * <p>
 * Definitions, for the petitions <em>received</em> in the period in the region and below:
 * <ul>
 * <li><b>collected</b> 收集: all of them;</li>
 * <li><b>pushed</b>, <b>accepted</b>: pushed, accepted at least once;</li>
 * <li><b>resolved</b> 化解 (seed 000's "解决"): now closed as 已解决 or 政策解答; <b>policy</b> the part of
 * them answered with policy; <b>unresolvable</b>: now closed as 无法解决; <b>open</b>: not closed now.
 * Resolved + unresolvable + open = collected, always;</li>
 * <li><b>overdue</b>: open and past the close limit, or past the accept limit while not yet
 * accepted, as of today in China;</li>
 * <li><b>average days to close</b>: from receipt to the latest closing, over those closed now;</li>
 * <li><b>satisfaction</b>: (满意 + 基本满意) / rated, by each petition's latest rating;</li>
 * <li><b>reopen rate</b>: reopened at least once / ever closed.</li>
 * </ul>
 * The backlog figures go by their own dates: <b>backlog opened</b> counts cases marked 信访积案 in
 * the period, <b>backlog closed</b> cases resolved (化解) with their latest closing in the period,
 * whenever they were received.
 * <p>
 * One repeatable-read snapshot per call, so that its figures agree with each other while
 * others write.
 */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
@PreAuthorize("hasAnyRole('STAFF', 'SUPERVISOR', 'ADMIN')")
public class PetitionFigures {

	/** The petitions received in the period in the region and below: what every count but the backlog's counts. */
	private static final String RECEIVED = """
			from petition
			where region_code like :prefix and received_on between :from and :to
			""";

	/** The backlog cases resolved with their latest closing in the period (信访积案化解). */
	private static final String BACKLOG_CLOSED = """
			from petition
			where backlog and region_code like :prefix and petition_resolved(outcome)
			  and closed_on between :from and :to
			""";

	/** Counted from the rows; {@code %1$s} groups them (a constant for a total). */
	private static final String COUNTS = """
			select %1$s as key,
			       count(*) as collected,
			       count(*) filter (where first_pushed_on is not null) as pushed,
			       count(*) filter (where first_accepted_on is not null) as accepted,
			       count(*) filter (where petition_resolved(outcome)) as resolved,
			       count(*) filter (where outcome = 'POLICY') as policy,
			       count(*) filter (where outcome = 'UNRESOLVABLE') as unresolvable,
			       count(*) filter (where outcome is null) as open,
			       count(*) filter (where petition_overdue(state, accept_due_on, close_due_on, :today)) as overdue,
			       count(*) filter (where outcome is not null) as closed,
			       coalesce(sum(closed_on - received_on) filter (where outcome is not null), 0) as days_to_close,
			       count(*) filter (where rating is not null) as rated,
			       count(*) filter (where petition_satisfied(rating)) as satisfied,
			       count(*) filter (where closed_on is not null) as ever_closed,
			       count(*) filter (where reopen_count > 0) as reopened
			""" + RECEIVED + "group by 1\n";

	/** The same from the tallies, for whole months; overdue comes from {@link #OVERDUE}. */
	private static final String TALLIED_COUNTS = """
			select %1$s as key,
			       sum(petitions) as collected,
			       sum(petitions) filter (where pushed) as pushed,
			       sum(petitions) filter (where accepted) as accepted,
			       sum(petitions) filter (where petition_resolved(outcome)) as resolved,
			       sum(petitions) filter (where outcome = 'POLICY') as policy,
			       sum(petitions) filter (where outcome = 'UNRESOLVABLE') as unresolvable,
			       sum(petitions) filter (where outcome = '') as open,
			       0 as overdue,
			       sum(petitions) filter (where outcome <> '') as closed,
			       sum(days_to_close) as days_to_close,
			       sum(petitions) filter (where rating <> '') as rated,
			       sum(petitions) filter (where petition_satisfied(rating)) as satisfied,
			       sum(petitions) filter (where ever_closed) as ever_closed,
			       sum(petitions) filter (where reopened) as reopened
			from petition_tally
			where county_code like :prefix and received_month between :from and :to
			group by 1
			""";

	/** From the open petitions alone, on the index {@code petition_open_due}. */
	private static final String OVERDUE = """
			select %1$s as key, count(*) as overdue
			from petition
			where petition_overdue(state, accept_due_on, close_due_on, :today)
			  and region_code like :prefix and received_on between :from and :to
			group by 1
			""";

	private static final String BACKLOG = """
			select key, sum(opened) as opened, sum(closed) as closed from (
			    select %2$s as key, 1 as opened, 0 as closed from petition
			    where backlog and region_code like :prefix and backlog_marked_on between :from and :to
			    union all
			    select %3$s, 0, 1
			""" + BACKLOG_CLOSED + """
			) cases
			group by key
			""";

	private static final String BY_CATEGORY = """
			select c.name as category, counts.collected, counts.resolved, counts.open
			from (select category_id,
			             count(*) as collected,
			             count(*) filter (where petition_resolved(outcome)) as resolved,
			             count(*) filter (where outcome is null) as open
			      from petition
			      where region_code like :prefix and received_on between :from and :to
			      group by 1) counts
			join petition_category c on c.id = counts.category_id
			order by counts.collected desc, c.sort_order, c.name
			""";

	private static final String OPEN_BACKLOG = """
			select count(*) from petition where backlog and region_code like :prefix and outcome is null
			""";

	private final NamedParameterJdbcTemplate jdbc;

	private final RegionService regions;

	private final Clock clock;

	PetitionFigures(NamedParameterJdbcTemplate jdbc, RegionService regions, Clock clock) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.clock = clock;
	}

	/** The figures of {@code regionCode} (in the user's scope) and everything below it. */
	public PetitionCounts figures(String regionCode, LocalDate from, LocalDate toInclusive) {
		regions.get(regionCode);
		return count(regionCode, from, toInclusive, Grouping.TOTAL, TallyReading.tallied(regionCode)).getOrDefault("",
				PetitionCounts.NONE);
	}

	/** The figures of each region directly below {@code regionCode}, in code order. */
	public List<PetitionCounts.Row> byChildRegion(String regionCode, LocalDate from, LocalDate toInclusive) {
		var region = regions.get(regionCode);
		var childLevel = region.getLevel().child();
		if (childLevel == null) {
			return List.of();
		}
		var counts = count(regionCode, from, toInclusive, Grouping.child(childLevel.codeLength()),
				TallyReading.tallied(regionCode));
		var rows = new ArrayList<PetitionCounts.Row>();
		for (var child : regions.children(regionCode)) {
			rows.add(new PetitionCounts.Row(child.getCode(), child.getName(), counts.getOrDefault(child.getCode(), PetitionCounts.NONE)));
		}
		return rows;
	}

	/** The figures of each month of the period, oldest first (empty months included). */
	public List<PetitionCounts.Row> byMonth(String regionCode, LocalDate from, LocalDate toInclusive) {
		regions.get(regionCode);
		var counts = count(regionCode, from, toInclusive, Grouping.MONTH, TallyReading.tallied(regionCode));
		var rows = new ArrayList<PetitionCounts.Row>();
		for (var month : TallyReading.months(from, toInclusive)) {
			rows.add(new PetitionCounts.Row(month.toString(), month.toString(), counts.getOrDefault(month.toString(), PetitionCounts.NONE)));
		}
		return rows;
	}

	/**
	 * The petitions received in the period by category, most first, with the same definitions of
	 * collected, resolved and open as {@link #figures}; categories without a petition are left out.
	 */
	public List<CategoryCount> byCategory(String regionCode, LocalDate from, LocalDate toInclusive) {
		regions.get(regionCode);
		var parameters = new MapSqlParameterSource().addValue("prefix", regionCode + "%")
			.addValue("from", Date.valueOf(from))
			.addValue("to", Date.valueOf(toInclusive));
		return jdbc.query(BY_CATEGORY, parameters, (row, n) -> new CategoryCount(row.getString("category"),
				row.getLong("collected"), row.getLong("resolved"), row.getLong("open")));
	}

	/**
	 * Which petitions the figures of {@link #figures} count, from the rows with the counts' own
	 * conditions (the tallies hold the same numbers): those collected, of them those resolved (化解),
	 * those rated and those satisfied, and the backlog cases closed; each in receipt order.
	 */
	public PetitionRecords records(String regionCode, LocalDate from, LocalDate toInclusive) {
		regions.get(regionCode);
		var parameters = parameters(regionCode, from, toInclusive);
		var collected = new ArrayList<Long>();
		var resolved = new ArrayList<Long>();
		var rated = new ArrayList<Long>();
		var satisfied = new ArrayList<Long>();
		jdbc.query("""
				select id, coalesce(petition_resolved(outcome), false) as resolved, rating is not null as rated,
				       coalesce(petition_satisfied(rating), false) as satisfied
				""" + RECEIVED + "order by received_on, id", parameters, row -> {
			long id = row.getLong("id");
			collected.add(id);
			if (row.getBoolean("resolved")) {
				resolved.add(id);
			}
			if (row.getBoolean("rated")) {
				rated.add(id);
			}
			if (row.getBoolean("satisfied")) {
				satisfied.add(id);
			}
		});
		var backlogClosed = jdbc.queryForList("select id " + BACKLOG_CLOSED + "order by received_on, id", parameters,
				Long.class);
		return new PetitionRecords(collected, resolved, rated, satisfied, backlogClosed);
	}

	/** The ids behind the petition figures of a region and a period; see {@link #records}. */
	public record PetitionRecords(List<Long> collected, List<Long> resolved, List<Long> rated, List<Long> satisfied,
			List<Long> backlogClosed) {

		public PetitionRecords {
			collected = List.copyOf(collected);
			resolved = List.copyOf(resolved);
			rated = List.copyOf(rated);
			satisfied = List.copyOf(satisfied);
			backlogClosed = List.copyOf(backlogClosed);
		}

	}

	/** The backlog cases (信访积案) of the region and below not resolved yet, whenever received. */
	public long openBacklogCases(String regionCode) {
		regions.get(regionCode);
		var count = jdbc.queryForObject(OPEN_BACKLOG, new MapSqlParameterSource("prefix", regionCode + "%"), Long.class);
		return count == null ? 0 : count;
	}

	/** The day the first petition of the deployment was received (the first entry of an index); empty without one. */
	public Optional<LocalDate> firstReceivedOn() {
		return Optional.ofNullable(jdbc.getJdbcTemplate().queryForObject("select min(received_on) from petition",
				LocalDate.class));
	}

	/** The petitions of one category: collected, resolved (化解) and still open. */
	public record CategoryCount(String category, long collected, long resolved, long open) {
	}

	/**
	 * The figures by {@code grouping}: from the rows alone, or from the tallies for the whole
	 * months of the period and the rows for the days before and after them. The tests hold the two
	 * to the same numbers.
	 */
	Map<String, PetitionCounts> count(String regionCode, LocalDate from, LocalDate toInclusive, Grouping grouping,
			boolean tallied) {
		var figures = new LinkedHashMap<String, PetitionCounts>();
		TallyReading.Days rows = (start, end) -> add(figures, COUNTS.formatted(grouping.rows), regionCode, start, end);
		TallyReading.count(from, toInclusive, tallied, rows, (first, last) -> {
			add(figures, TALLIED_COUNTS.formatted(grouping.tallies), regionCode, first.atDay(1), last.atDay(1));
			jdbc.query(OVERDUE.formatted(grouping.rows), parameters(regionCode, first.atDay(1), last.atEndOfMonth()),
					row -> {
						var key = row.getString("key");
						figures.put(key, figures.getOrDefault(key, PetitionCounts.NONE).withOverdue(row.getLong("overdue")));
					});
		}, rows);
		jdbc.query(BACKLOG.formatted(grouping.rows, grouping.marked, grouping.closed),
				parameters(regionCode, from, toInclusive), row -> {
					var key = row.getString("key");
					figures.put(key, figures.getOrDefault(key, PetitionCounts.NONE)
						.withBacklog(row.getLong("opened"), row.getLong("closed")));
				});
		return figures;
	}

	/** Adds the counts of one query to what {@code figures} holds already, key by key. */
	private void add(Map<String, PetitionCounts> figures, String sql, String regionCode, LocalDate from, LocalDate to) {
		jdbc.query(sql, parameters(regionCode, from, to), row -> {
			var counted = new PetitionCounts(row.getLong("collected"), row.getLong("pushed"), row.getLong("accepted"),
					row.getLong("resolved"), row.getLong("policy"), row.getLong("unresolvable"), row.getLong("open"),
					row.getLong("overdue"), row.getLong("closed"), row.getLong("days_to_close"), row.getLong("rated"),
					row.getLong("satisfied"), row.getLong("ever_closed"), row.getLong("reopened"), 0, 0);
			figures.merge(row.getString("key"), counted, PetitionCounts::plus);
		});
	}

	private MapSqlParameterSource parameters(String regionCode, LocalDate from, LocalDate to) {
		return new MapSqlParameterSource().addValue("prefix", regionCode + "%")
			.addValue("from", Date.valueOf(from))
			.addValue("to", Date.valueOf(to))
			.addValue("today", Date.valueOf(ChinaTime.today(clock)));
	}

	/**
	 * How figures are grouped, as SQL over the petition rows, the tallies, and the backlog cases'
	 * marking and closing days.
	 */
	record Grouping(String rows, String tallies, String marked, String closed) {

		static final Grouping TOTAL = new Grouping("''", "''", "''", "''");

		static final Grouping MONTH = new Grouping(TallyReading.byMonth("received_on"),
				TallyReading.byMonth("received_month"), TallyReading.byMonth("backlog_marked_on"),
				TallyReading.byMonth("closed_on"));

		static Grouping child(int codeLength) {
			var rows = TallyReading.byRegionBelow("region_code", codeLength);
			return new Grouping(rows, TallyReading.byRegionBelow("county_code", codeLength), rows, rows);
		}

	}

}
