package org.pomegranate.supervision.task;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.ChinaTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The task figures of a region's subtree, counted as {@link TaskFigure} defines each set, for the
 * region or grouped by the regions directly below. Callers pass a region in the user's scope.
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

	/**
	 * Three statements, each with its set's condition in the where clause so that its index
	 * ({@code V56}) may serve it: the period's sets by the due date in force, the owing instances
	 * past it, the ones waiting for 签收; {@code standing} false skips the last two (a comparison period).
	 */
	private Map<String, TaskCounts> count(String group, String regionCode, LocalDate from, LocalDate to,
			@Nullable Integer childLength, boolean standing) {
		var today = today();
		Instant now = clock.instant();
		var counts = new LinkedHashMap<String, EnumMap<TaskFigure, Long>>();
		var periodSets = List.of(TaskFigure.DUE, TaskFigure.ACCEPTED, TaskFigure.ON_TIME);
		query(group, regionCode, childLength, periodSets, "coalesce(i.granted_due_on, i.due_on) between ? and ?",
				List.of(from, to), from, to, today, now, counts);
		if (standing) {
			query(group, regionCode, childLength, List.of(TaskFigure.OVERDUE), null, List.of(), from, to, today, now, counts);
			query(group, regionCode, childLength, List.of(TaskFigure.NOT_ACKNOWLEDGED), null, List.of(), from, to, today, now,
					counts);
		}
		var result = new LinkedHashMap<String, TaskCounts>();
		counts.forEach((region, byFigure) -> result.put(region, new TaskCounts(byFigure)));
		return result;
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
