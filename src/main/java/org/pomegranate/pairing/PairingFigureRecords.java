package org.pomegranate.pairing;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pomegranate.figures.FigureQuery;
import org.pomegranate.figures.FigureRecords;
import org.pomegranate.figures.Period;
import org.pomegranate.shared.Masking;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The records behind the pairing figures an assessment may freeze: the households a program's
 * coverage counts (whole: targeted, part: paired) and the pairings overdue, read by
 * {@link Coverage#records} with the conditions of the counts themselves, for the same program
 * the figure source chooses. Rows show a household as a list shows it without the right to
 * personal data: the head's name 张*, identity number and phone masked, no category (a 残疾人家庭
 * would say the disability).
 */
@Component
class PairingFigureRecords implements FigureRecords {

	static final String COVERAGE = "figure.pairing.coverage";

	static final String OVERDUE = "figure.pairing.overdue";

	private static final List<String> HOUSEHOLD_COLUMNS = List.of("household.headName", "household.idNumber",
			"household.phone", "household.village", "household.memberCount");

	private static final List<String> PAIRING_COLUMNS = List.of("household.headName", "household.idNumber",
			"household.village", "pairing.cadre", "pairing.startedOn", "pairing.lastVisitOn");

	private final Coverage coverage;

	private final PairingPrograms programs;

	private final NamedParameterJdbcTemplate jdbc;

	PairingFigureRecords(Coverage coverage, PairingPrograms programs, NamedParameterJdbcTemplate jdbc) {
		this.coverage = coverage;
		this.programs = programs;
		this.jdbc = jdbc;
	}

	@Override
	public boolean knows(String key) {
		return key.equals(COVERAGE) || key.equals(OVERDUE);
	}

	@Override
	public Counted counted(String key, FigureQuery query) {
		var program = programs.chosen(query.regionCode(), query.program());
		if (program == null) {
			return key.equals(COVERAGE) ? new Counted(List.of(), List.of()) : Counted.of(List.of());
		}
		var records = coverage.records(program.id(), query.regionCode(), query.standingOn());
		return key.equals(COVERAGE) ? new Counted(records.targeted(), records.paired()) : Counted.of(records.overdue());
	}

	@Override
	public Rows rows(String key, List<Long> ids) {
		if (ids.isEmpty()) {
			return new Rows(key.equals(COVERAGE) ? HOUSEHOLD_COLUMNS : PAIRING_COLUMNS, List.of());
		}
		var found = new HashMap<Long, Row>();
		var parameters = Map.of("ids", ids.toArray(Long[]::new));
		if (key.equals(COVERAGE)) {
			jdbc.query("""
					select h.id, h.head_name, h.id_number, h.phone, r.name as village, h.member_count
					from household h join region r on r.code = h.region_code
					where h.id = any(:ids)""", parameters, row -> {
				found.put(row.getLong("id"), new Row(row.getLong("id"), List.of(Masking.name(row.getString("head_name")),
						Masking.idNumber(row.getString("id_number")), Masking.phone(row.getString("phone")),
						row.getString("village"), String.valueOf(row.getInt("member_count")))));
			});
			return new Rows(HOUSEHOLD_COLUMNS, FigureRecords.inOrder(ids, found));
		}
		jdbc.query("""
				select p.id, h.head_name, h.id_number, r.name as village, c.name as cadre, p.started_on, p.last_visit_on
				from pairing p join household h on h.id = p.household_id join region r on r.code = h.region_code
				join cadre c on c.id = p.cadre_id
				where p.id = any(:ids)""", parameters, row -> {
			var lastVisit = row.getObject("last_visit_on", LocalDate.class);
			found.put(row.getLong("id"), new Row(row.getLong("id"), List.of(Masking.name(row.getString("head_name")),
					Masking.idNumber(row.getString("id_number")), row.getString("village"),
					Masking.name(row.getString("cadre")), Period.day(row.getObject("started_on", LocalDate.class)),
					lastVisit == null ? "—" : Period.day(lastVisit))));
		});
		return new Rows(PAIRING_COLUMNS, FigureRecords.inOrder(ids, found));
	}

}
