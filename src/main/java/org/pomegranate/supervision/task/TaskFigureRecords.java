package org.pomegranate.supervision.task;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pomegranate.figures.FigureQuery;
import org.pomegranate.figures.FigureRecords;
import org.pomegranate.figures.Period;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The records behind the task figures an assessment may freeze: for the completion rate the
 * instances due in the period (whole) and those accepted (part), for 逾期 the instances owing their
 * report past the due date in force, each by its {@link TaskFigure} condition, the one the count and
 * the figure's own list use. Rows as the list behind a figure shows an instance; no personal data.
 */
@Component
class TaskFigureRecords implements FigureRecords {

	private static final List<String> COLUMNS = List.of("task.title", "task.recipient", "task.period", "task.dueOn",
			"task.state");

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final MessageSource messages;

	private final Clock clock;

	TaskFigureRecords(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, MessageSource messages, Clock clock) {
		this.jdbc = jdbc;
		this.named = named;
		this.messages = messages;
		this.clock = clock;
	}

	@Override
	public boolean knows(String key) {
		return key.equals(TaskFigureSource.COMPLETION_RATE) || key.equals(TaskFigureSource.OVERDUE);
	}

	@Override
	public Counted counted(String key, FigureQuery query) {
		if (key.equals(TaskFigureSource.OVERDUE)) {
			return Counted.of(ids(TaskFigure.OVERDUE, query));
		}
		return new Counted(ids(TaskFigure.DUE, query), ids(TaskFigure.ACCEPTED, query));
	}

	private List<Long> ids(TaskFigure figure, FigureQuery query) {
		var arguments = new ArrayList<Object>();
		arguments.add(query.regionCode() + "%");
		arguments.addAll(figure.arguments(query.period().from(), query.period().to(), query.today(), clock.instant()));
		return jdbc.queryForList("select i.id from task_instance i where i.region_code like ? and " + figure.condition()
				+ " order by coalesce(i.granted_due_on, i.due_on), i.id", Long.class, arguments.toArray());
	}

	@Override
	public Rows rows(String key, List<Long> ids) {
		var found = new HashMap<Long, Row>();
		if (!ids.isEmpty()) {
			var locale = LocaleContextHolder.getLocale();
			named.query("""
					select i.id, l.title, i.recipient_name, i.period, coalesce(i.granted_due_on, i.due_on) as due, i.state
					from task_instance i join task_list l on l.id = i.list_id
					where i.id = any(:ids)""", Map.of("ids", ids.toArray(Long[]::new)), row -> {
				var state = row.getString("state");
				found.put(row.getLong("id"), new Row(row.getLong("id"), List.of(row.getString("title"),
						row.getString("recipient_name"), row.getString("period"), Period.day(row.getObject("due", LocalDate.class)),
						messages.getMessage("TaskState." + state, null, state, locale))));
			});
		}
		return new Rows(COLUMNS, FigureRecords.inOrder(ids, found));
	}

}
