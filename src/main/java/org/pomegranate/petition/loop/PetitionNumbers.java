package org.pomegranate.petition.loop;

import java.util.regex.Pattern;

import org.pomegranate.shared.RegionCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Petition numbers, {@code 513301-2024-000123}: per county and year, readable over the phone,
 * never reused. The counter row is updated in the registering transaction, so registrations of
 * one county queue on it for a moment and a rolled-back registration gives its number back.
 */
@Component
public class PetitionNumbers {

	/**
	 * A petition number as a search names it, its serial perhaps cut short: no one's personal
	 * data, so the ledger's search takes it although it has more digits than a search may hold.
	 */
	public static final Pattern SEARCHED = Pattern.compile("\\d{6}-\\d{4}-\\d{1,6}");

	private final JdbcTemplate jdbc;

	PetitionNumbers(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	String next(String villageCode, int year) {
		var county = RegionCode.of(villageCode).county().orElseThrow().toString();
		Integer last = jdbc.queryForObject("""
				insert into petition_number (county, year, last) values (?, ?, 1)
				on conflict (county, year) do update set last = petition_number.last + 1
				returning last""", Integer.class, county, year);
		return format(county, year, last);
	}

	public static String format(String county, int year, int sequence) {
		return county + "-" + year + "-" + String.format("%06d", sequence);
	}

}
