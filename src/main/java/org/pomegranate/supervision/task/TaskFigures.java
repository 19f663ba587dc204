package org.pomegranate.supervision.task;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.TallyReading;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The task figures of a region's subtree, counted as {@link TaskFigure} defines each set, for the
 * region or grouped by the regions directly below. Callers pass a region in the user's scope.
 * <p>
 * Always live. Above a county the counts are summed from {@code task_tally} (per county, due date
 * in force, state and on time; db/TALLIES.md), which knows nothing of the clock: the instances that
 * have not opened yet (which no set counts) and those 待签收 that opened less than 24 hours ago (which
 * 超 24 小时未签收 leaves out) are counted from the rows on {@code task_instance_opening} and taken
 * off. A county and below count the rows, with each set's condition, on the region index; the
 * tests hold the two ways to the same figures.
 */
@Component
public class TaskFigures {

	private final JdbcTemplate jdbc;

	private final Clock clock;

	TaskFigures(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The counts of one region: every set of {@link TaskFigure}. */
	public record TaskCounts(Map<TaskFigure, Long> counts) {

		public long of(TaskFigure figure) {
			return counts.getOrDefault(figure, 0L);
		}

		static TaskCounts none() {
			return new TaskCounts(Map.of());
		}

	}

	public LocalDate today() {
		return ChinaTime.today(clock);
	}

	@Transactional(readOnly = true)
	public TaskCounts of(String regionCode, LocalDate from, LocalDate to) {
		return of(regionCode, from, to, true);
	}

	/** The counts of one region; without the standing sets (today's) when {@code standing} is false. */
	@Transactional(readOnly = true)
	public TaskCounts of(String regionCode, LocalDate from, LocalDate to, boolean standing) {
		var rows = count("", regionCode, from, to, null, standing);
		return rows.getOrDefault("", TaskCounts.none());
	}

	/** The counts of each region directly below {@code regionCode} (codes {@code childLength} long) that has instances. */
	@Transactional(readOnly = true)
	public Map<String, TaskCounts> byChildRegion(String regionCode, int childLength, LocalDate from, LocalDate to) {
		return count("left(i.region_code, " + childLength + ")", regionCode, from, to, childLength, true);
	}

	private Map<String, TaskCounts> count(String group, String regionCode, LocalDate from, LocalDate to,
			@Nullable Integer childLength, boolean standing) {
		var today = today();
		Instant now = clock.instant();
		var counts = new LinkedHashMap<String, EnumMap<TaskFigure, Long>>();
		if (TallyReading.tallied(regionCode)) {
			tallied(regionCode, childLength, from, to, today, now, standing, counts);
		}
		else {
			counted(group, regionCode, childLength, from, to, today, now, standing, counts);
		}
		var result = new LinkedHashMap<String, TaskCounts>();
		counts.forEach((region, byFigure) -> result.put(region, new TaskCounts(byFigure)));
		return result;
	}

	/**
	 * Two statements: the tally's sums, and the edge it cannot know, taken off them. The edge is
	 * every instance opening from 24 hours ago on: those not open yet leave every set, those 待签收
	 * among them leave 超 24 小时未签收. Its conditions repeat {@link TaskFigure}'s, read per row.
	 */
	private void tallied(String regionCode, @Nullable Integer childLength, LocalDate from, LocalDate to,
			LocalDate today, Instant now, boolean standing, Map<String, EnumMap<TaskFigure, Long>> counts) {
		var tallyKey = childLength == null ? "''" : TallyReading.byRegionBelow("county_code", childLength);
		var rowKey = childLength == null ? "''" : TallyReading.byRegionBelow("i.region_code", childLength);
		var below = childLength == null ? "" : " and length(%s) >= " + childLength;
		var withPeriod = new HashSet<String>();
		var sets = standing ? TaskFigures.all() : List.of(TaskFigure.DUE, TaskFigure.ACCEPTED, TaskFigure.ON_TIME);
		jdbc.query("""
				select %s as region,
				       sum(instances) filter (where due_on between ? and ?) as due,
				       sum(instances) filter (where due_on between ? and ? and state = 'ACCEPTED') as accepted,
				       sum(instances) filter (where due_on between ? and ? and state = 'ACCEPTED' and on_time) as on_time,
				       sum(instances) filter (where state = 'PENDING') as not_acknowledged,
				       sum(instances) filter (where state in ('PENDING', 'ACKNOWLEDGED', 'RETURNED') and due_on < ?) as overdue
				from task_tally
				where county_code like ?%s and (due_on between ? and ? or %s)
				group by 1""".formatted(tallyKey, below.formatted("county_code"),
				standing ? "state in ('PENDING', 'ACKNOWLEDGED', 'RETURNED')" : "false"),
				row -> {
					var byFigure = counts.computeIfAbsent(row.getString("region"), region -> new EnumMap<>(TaskFigure.class));
					for (var figure : sets) {
						byFigure.put(figure, row.getLong(figure.name()));
					}
					// Before the edge is taken off: due in the period, open or not yet.
					if (row.getLong("due") > 0) {
						withPeriod.add(row.getString("region"));
					}
				}, from, to, from, to, from, to, today, regionCode + "%", from, to);
		var opened = Timestamp.from(now);
		var due = "coalesce(i.granted_due_on, i.due_on)";
		jdbc.query("""
				select %1$s as region,
				       count(*) filter (where i.opens_at > ? and %2$s between ? and ?) as due,
				       count(*) filter (where i.opens_at > ? and %2$s between ? and ? and i.state = 'ACCEPTED') as accepted,
				       count(*) filter (where i.opens_at > ? and %2$s between ? and ? and i.state = 'ACCEPTED'
				                        and i.reported_on <= %2$s) as on_time,
				       count(*) filter (where i.state = 'PENDING') as not_acknowledged,
				       count(*) filter (where i.opens_at > ? and i.state in ('PENDING', 'ACKNOWLEDGED', 'RETURNED')
				                        and %2$s < ?) as overdue
				from task_instance i
				where i.opens_at >= ? and i.region_code like ?%3$s
				group by 1""".formatted(rowKey, due, below.formatted("i.region_code")), row -> {
					var byFigure = counts.get(row.getString("region"));
					if (byFigure == null) {
						return;
					}
					for (var figure : sets) {
						byFigure.merge(figure, -row.getLong(figure.name()), Long::sum);
					}
				}, opened, from, to, opened, from, to, opened, from, to, opened, today,
				Timestamp.from(now.minus(TaskInstance.ACKNOWLEDGE_WITHIN)), regionCode + "%");
		// As the rows would have it: a region with instances due in the period (open or not yet), or
		// with standing ones.
		counts.entrySet().removeIf(region -> !withPeriod.contains(region.getKey())
				&& region.getValue().getOrDefault(TaskFigure.OVERDUE, 0L) == 0
				&& region.getValue().getOrDefault(TaskFigure.NOT_ACKNOWLEDGED, 0L) == 0);
	}

	/**
	 * Three statements over the rows, each with its set's condition in the where clause so that
	 * its index ({@code V56}) may serve it: the period's sets by the due date in force, the owing
	 * instances past it, the ones waiting for 签收; {@code standing} false skips the last two.
	 */
	private void counted(String group, String regionCode, @Nullable Integer childLength, LocalDate from, LocalDate to,
			LocalDate today, Instant now, boolean standing, Map<String, EnumMap<TaskFigure, Long>> counts) {
		var periodSets = List.of(TaskFigure.DUE, TaskFigure.ACCEPTED, TaskFigure.ON_TIME);
		query(group, regionCode, childLength, periodSets, "coalesce(i.granted_due_on, i.due_on) between ? and ?",
				List.of(from, to), from, to, today, now, counts);
		if (standing) {
			query(group, regionCode, childLength, List.of(TaskFigure.OVERDUE), null, List.of(), from, to, today, now, counts);
			query(group, regionCode, childLength, List.of(TaskFigure.NOT_ACKNOWLEDGED), null, List.of(), from, to, today, now,
					counts);
		}
	}

	private void query(String group, String regionCode, @Nullable Integer childLength, List<TaskFigure> sets,
			@Nullable String range, List<Object> rangeArguments, LocalDate from, LocalDate to, LocalDate today, Instant now,
			Map<String, EnumMap<TaskFigure, Long>> counts) {
		var select = new StringBuilder("select ").append(group.isEmpty() ? "''" : group).append(" as region");
		var arguments = new ArrayList<Object>();
		for (var figure : sets) {
			select.append(", count(*) filter (where ").append(figure.condition()).append(") as ").append(figure.name());
			arguments.addAll(figure.arguments(from, to, today, now));
		}
		select.append(" from task_instance i where i.region_code like ?");
		arguments.add(regionCode + "%");
		if (range != null) {
			select.append(" and ").append(range);
			arguments.addAll(rangeArguments);
		}
		else {
			// The one set counted: its condition in the where clause, so its partial index applies.
			select.append(" and ").append(sets.get(0).condition());
			arguments.addAll(sets.get(0).arguments(from, to, today, now));
		}
		if (childLength != null) {
			select.append(" and length(i.region_code) >= ").append(childLength);
		}
		if (!group.isEmpty()) {
			select.append(" group by 1");
		}
		jdbc.query(select.toString(), row -> {
			var byFigure = counts.computeIfAbsent(row.getString("region"), region -> new EnumMap<>(TaskFigure.class));
			for (var figure : sets) {
				byFigure.put(figure, row.getLong(figure.name()));
			}
		}, arguments.toArray());
	}

	/** The figures' sets as the page lists them. */
	public static List<TaskFigure> all() {
		return List.of(TaskFigure.values());
	}

}
