package org.pomegranate.supervision.task;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pomegranate.shared.ChinaTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The task figures of a region's subtree, counted as {@link TaskFigure} defines each set: one
 * statement for the region, one grouped by the regions directly below. Callers pass a region in
 * the user's scope.
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
		var rows = count("", regionCode, from, to, null);
		return rows.getOrDefault("", TaskCounts.none());
	}

	/** The counts of each region directly below {@code regionCode} (codes {@code childLength} long) that has instances. */
	@Transactional(readOnly = true)
	public Map<String, TaskCounts> byChildRegion(String regionCode, int childLength, LocalDate from, LocalDate to) {
		return count("left(i.region_code, " + childLength + ")", regionCode, from, to, childLength);
	}

	private Map<String, TaskCounts> count(String group, String regionCode, LocalDate from, LocalDate to,
			Integer childLength) {
		var today = today();
		Instant now = clock.instant();
		var select = new StringBuilder("select ").append(group.isEmpty() ? "''" : group).append(" as region");
		var arguments = new ArrayList<Object>();
		for (var figure : TaskFigure.values()) {
			select.append(", count(*) filter (where ").append(figure.condition()).append(") as ").append(figure.name());
			arguments.addAll(figure.arguments(from, to, today, now));
		}
		select.append(" from task_instance i where i.region_code like ?");
		arguments.add(regionCode + "%");
		if (childLength != null) {
			select.append(" and length(i.region_code) >= ").append(childLength);
		}
		if (!group.isEmpty()) {
			select.append(" group by 1");
		}
		var result = new LinkedHashMap<String, TaskCounts>();
		jdbc.query(select.toString(), row -> {
			var counts = new EnumMap<TaskFigure, Long>(TaskFigure.class);
			for (var figure : TaskFigure.values()) {
				counts.put(figure, row.getLong(figure.name()));
			}
			result.put(row.getString("region"), new TaskCounts(counts));
		}, arguments.toArray());
		return result;
	}

	/** The figures' sets as the page lists them. */
	public static List<TaskFigure> all() {
		return List.of(TaskFigure.values());
	}

}
