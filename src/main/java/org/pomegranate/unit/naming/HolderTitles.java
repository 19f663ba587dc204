package org.pomegranate.unit.naming;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.ChinaTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The titles of one holder, newest first, for the holder's own page (a unit's, a household's). The
 * caller has already loaded the holder inside the user's scope; the titles lie where it lies.
 */
@Component
@Transactional(readOnly = true)
public class HolderTitles {

	private static final String SELECT = """
			select id, title, level, state, named_on, valid_until, decision_number, review_flagged_on
			from naming where %s = ? order by coalesce(named_on, applied_on) desc, id desc""";

	private final JdbcTemplate jdbc;

	private final Clock clock;

	HolderTitles(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public List<HolderTitle> ofUnit(long unitId) {
		return read("unit_id", unitId);
	}

	public List<HolderTitle> ofHousehold(long householdId) {
		return read("household_id", householdId);
	}

	private List<HolderTitle> read(String column, long id) {
		var today = ChinaTime.today(clock);
		return jdbc.query(SELECT.formatted(column), (rs, n) -> row(rs, today), id);
	}

	private static HolderTitle row(ResultSet rs, LocalDate today) throws SQLException {
		var state = NamingState.valueOf(rs.getString("state"));
		var validUntil = rs.getObject("valid_until", LocalDate.class);
		if (state.isLive() && validUntil != null && validUntil.isBefore(today)) {
			state = NamingState.EXPIRED;
		}
		return new HolderTitle(rs.getLong("id"), rs.getString("title"), NamingLevel.valueOf(rs.getString("level")),
				state, rs.getObject("named_on", LocalDate.class), validUntil, rs.getString("decision_number"),
				rs.getObject("review_flagged_on", LocalDate.class) != null);
	}

	/** A title as its holder's page lists it; {@code state} as of today (a live one past its last day is 已到期). */
	public record HolderTitle(long id, String title, NamingLevel level, NamingState state, @Nullable LocalDate namedOn,
			@Nullable LocalDate validUntil, @Nullable String decisionNumber, boolean flaggedForReview) {
	}

}
