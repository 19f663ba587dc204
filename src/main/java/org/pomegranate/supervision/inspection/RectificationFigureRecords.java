package org.pomegranate.supervision.inspection;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pomegranate.figures.FigureQuery;
import org.pomegranate.figures.FigureRecords;
import org.pomegranate.figures.Period;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The records behind 逾期整改 an assessment may freeze: the rectifications the region's subtree is
 * responsible for that are overdue on the day the figure stands at, by {@code rectification_overdue_on}
 * (R__supervision_inspection.sql), the function {@link InspectionFigures} counts with. Rows as the
 * 整改台账 shows one; no personal data.
 */
@Component
class RectificationFigureRecords implements FigureRecords {

	private static final List<String> COLUMNS = List.of("rectification.responsible", "rectification.subject",
			"rectification.severity", "rectification.dueOn", "rectification.state");

	private final NamedParameterJdbcTemplate jdbc;

	private final MessageSource messages;

	RectificationFigureRecords(NamedParameterJdbcTemplate jdbc, MessageSource messages) {
		this.jdbc = jdbc;
		this.messages = messages;
	}

	@Override
	public boolean knows(String key) {
		return key.equals(InspectionFigures.OVERDUE);
	}

	@Override
	public Counted counted(String key, FigureQuery query) {
		return Counted.of(jdbc.queryForList("""
				select id from rectification
				where region_code like :prefix
				  and rectification_overdue_on(state, opened_on, due_on, reported_on, closed_on, :day)
				order by due_on, id""", new MapSqlParameterSource("prefix", query.regionCode() + "%").addValue("day",
				query.standingOn()), Long.class));
	}

	@Override
	public Rows rows(String key, List<Long> ids) {
		var found = new HashMap<Long, Row>();
		if (!ids.isEmpty()) {
			var locale = LocaleContextHolder.getLocale();
			jdbc.query("""
					select id, responsible_name, subject, severity, due_on, state from rectification where id = any(:ids)""",
					Map.of("ids", ids.toArray(Long[]::new)), row -> {
						var severity = row.getString("severity");
						var state = row.getString("state");
						found.put(row.getLong("id"), new Row(row.getLong("id"), List.of(row.getString("responsible_name"),
								row.getString("subject"), messages.getMessage("Severity." + severity, null, severity, locale),
								Period.day(row.getObject("due_on", LocalDate.class)),
								messages.getMessage("RectificationState." + state, null, state, locale))));
					});
		}
		return new Rows(COLUMNS, FigureRecords.inOrder(ids, found));
	}

}
