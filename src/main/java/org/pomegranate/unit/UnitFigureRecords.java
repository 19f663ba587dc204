package org.pomegranate.unit;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pomegranate.figures.FigureQuery;
import org.pomegranate.figures.FigureRecords;
import org.pomegranate.figures.Period;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The records behind the 规程上墙 rate an assessment may freeze: the standing 工作中心 and 工作室
 * (whole) and those on the wall (part), read by {@link UnitFigures#wallPostedRecords} with the
 * count's own conditions, standing on the day the figure source counts. Rows as the unit list
 * shows a unit; it holds no personal data but the person in charge, left out.
 */
@Component
class UnitFigureRecords implements FigureRecords {

	static final String WALL_POSTED = "figure.units.wallPosted";

	private static final List<String> COLUMNS = List.of("unit.name", "unit.kind", "unit.region", "unit.wallPostedOn");

	private final UnitFigures units;

	private final NamedParameterJdbcTemplate jdbc;

	private final MessageSource messages;

	UnitFigureRecords(UnitFigures units, NamedParameterJdbcTemplate jdbc, MessageSource messages) {
		this.units = units;
		this.jdbc = jdbc;
		this.messages = messages;
	}

	@Override
	public boolean knows(String key) {
		return key.equals(WALL_POSTED);
	}

	@Override
	public Counted counted(String key, FigureQuery query) {
		var records = units.wallPostedRecords(query.regionCode(), query.standingOn());
		return new Counted(records.network(), records.posted());
	}

	@Override
	public Rows rows(String key, List<Long> ids) {
		var found = new HashMap<Long, Row>();
		if (!ids.isEmpty()) {
			var locale = LocaleContextHolder.getLocale();
			jdbc.query("""
					select u.id, u.name, u.kind, r.name as region, u.wall_posted_on
					from campaign_unit u join region r on r.code = u.region_code
					where u.id = any(:ids)""", Map.of("ids", ids.toArray(Long[]::new)), row -> {
				var posted = row.getObject("wall_posted_on", LocalDate.class);
				var kind = row.getString("kind");
				found.put(row.getLong("id"), new Row(row.getLong("id"), List.of(row.getString("name"),
						messages.getMessage("UnitKind." + kind, null, kind, locale), row.getString("region"),
						posted == null ? "—" : Period.day(posted))));
			});
		}
		return new Rows(COLUMNS, FigureRecords.inOrder(ids, found));
	}

}
