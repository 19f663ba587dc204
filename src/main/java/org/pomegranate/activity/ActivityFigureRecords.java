package org.pomegranate.activity;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pomegranate.activity.ledger.ActivityKind;
import org.pomegranate.figures.FigureQuery;
import org.pomegranate.figures.FigureRecords;
import org.pomegranate.figures.Period;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The records behind the 宣传宣讲场次 an assessment may freeze: the publicity sessions of the region's
 * subtree whose first day lies in the period, the condition {@link ActivityFigures} counts them by.
 * Rows as the activity list shows one; an activity holds no personal data.
 */
@Component
class ActivityFigureRecords implements FigureRecords {

	static final String PUBLICITY = "figure.activities.publicity";

	private static final List<String> COLUMNS = List.of("activity.startedOn", "activity.title", "activity.kind",
			"activity.region", "activity.participants");

	private final NamedParameterJdbcTemplate jdbc;

	private final MessageSource messages;

	ActivityFigureRecords(NamedParameterJdbcTemplate jdbc, MessageSource messages) {
		this.jdbc = jdbc;
		this.messages = messages;
	}

	@Override
	public boolean knows(String key) {
		return key.equals(PUBLICITY);
	}

	@Override
	public Counted counted(String key, FigureQuery query) {
		var period = query.period();
		return Counted.of(jdbc.queryForList("""
				select id from activity
				where region_code like :prefix and started_on between :from and :to and kind = :kind
				order by started_on, id""", new MapSqlParameterSource("prefix", query.regionCode() + "%")
			.addValue("from", Date.valueOf(period.from()))
			.addValue("to", Date.valueOf(period.to()))
			.addValue("kind", ActivityKind.PUBLICITY.name()), Long.class));
	}

	@Override
	public Rows rows(String key, List<Long> ids) {
		var found = new HashMap<Long, Row>();
		if (!ids.isEmpty()) {
			var locale = LocaleContextHolder.getLocale();
			jdbc.query("""
					select a.id, a.started_on, a.title, a.kind, r.name as region, a.participants
					from activity a join region r on r.code = a.region_code
					where a.id = any(:ids)""", Map.of("ids", ids.toArray(Long[]::new)), row -> {
				var kind = row.getString("kind");
				found.put(row.getLong("id"), new Row(row.getLong("id"), List.of(Period.day(row.getObject("started_on", LocalDate.class)),
						row.getString("title"), messages.getMessage("ActivityKind." + kind, null, kind, locale), row.getString("region"),
						String.valueOf(row.getLong("participants")))));
			});
		}
		return new Rows(COLUMNS, FigureRecords.inOrder(ids, found));
	}

}
