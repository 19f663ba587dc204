package org.pomegranate.petition;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.pomegranate.figures.FigureQuery;
import org.pomegranate.figures.FigureRecords;
import org.pomegranate.figures.Period;
import org.pomegranate.shared.Masking;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The records behind the petition figures an assessment may freeze: the petitions collected and
 * resolved (诉求化解率), rated and satisfied (满意率), and the backlog cases closed (信访积案化解数),
 * read by {@link PetitionFigures#records} with the conditions of the counts themselves. Rows as
 * the ledger lists a petition, the petitioner's name 张* and phone masked.
 */
@Component
class PetitionFigureRecords implements FigureRecords {

	static final String COLLECTED = "figure.petitions.collected";

	static final String RESOLVED = "figure.petitions.resolved";

	static final String SATISFACTION = "figure.petitions.satisfaction";

	static final String BACKLOG_CLOSED = "figure.petitions.backlogClosed";

	private static final Set<String> KEYS = Set.of(COLLECTED, RESOLVED, SATISFACTION, BACKLOG_CLOSED);

	private static final List<String> COLUMNS = List.of("petition.number", "petition.receivedOn", "petition.petitioner",
			"petition.phone", "petition.category", "petition.state", "petition.outcome", "petition.rating");

	private final PetitionFigures figures;

	private final NamedParameterJdbcTemplate jdbc;

	private final MessageSource messages;

	PetitionFigureRecords(PetitionFigures figures, NamedParameterJdbcTemplate jdbc, MessageSource messages) {
		this.figures = figures;
		this.jdbc = jdbc;
		this.messages = messages;
	}

	@Override
	public boolean knows(String key) {
		return KEYS.contains(key);
	}

	@Override
	public Counted counted(String key, FigureQuery query) {
		var period = query.period();
		var records = figures.records(query.regionCode(), period.from(), period.to());
		return switch (key) {
			case COLLECTED -> Counted.of(records.collected());
			case RESOLVED -> Counted.of(records.resolved());
			case SATISFACTION -> new Counted(records.rated(), records.satisfied());
			case BACKLOG_CLOSED -> Counted.of(records.backlogClosed());
			default -> throw new IllegalArgumentException("No records behind " + key);
		};
	}

	@Override
	public Rows rows(String key, List<Long> ids) {
		var found = new HashMap<Long, Row>();
		if (!ids.isEmpty()) {
			jdbc.query("""
					select p.id, p.number, p.received_on, p.petitioner_name, p.petitioner_phone, c.name as category,
					       p.state, p.outcome, p.rating
					from petition p join petition_category c on c.id = p.category_id
					where p.id = any(:ids)""", Map.of("ids", ids.toArray(Long[]::new)), row -> {
				found.put(row.getLong("id"), new Row(row.getLong("id"), List.of(row.getString("number"),
						Period.day(row.getObject("received_on", LocalDate.class)), Masking.name(row.getString("petitioner_name")),
						Masking.phone(row.getString("petitioner_phone")), row.getString("category"),
						label("PetitionState.", row.getString("state")), label("Outcome.", row.getString("outcome")),
						label("Rating.", row.getString("rating")))));
			});
		}
		return new Rows(COLUMNS, FigureRecords.inOrder(ids, found));
	}

	private String label(String prefix, @Nullable String value) {
		if (value == null) {
			return "—";
		}
		return messages.getMessage(prefix + value, null, value, LocaleContextHolder.getLocale());
	}

}
