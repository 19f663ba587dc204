package org.pomegranate;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Townships made for one test alone. The real townships of Sichuan are numbered up to 402 within
 * their county, so a test takes the first free number from 500 to 999; a county whose numbers are
 * all taken fails loudly rather than making a ten-digit code that no page accepts.
 */
public final class TestRegions {

	private TestRegions() {
	}

	/** A new township of {@code county} named {@code stem} and its number. */
	public static String township(JdbcTemplate jdbc, String county, String stem) {
		for (;;) {
			var number = jdbc.queryForObject("""
					select min(n) from generate_series(500, 999) n
					where not exists (select 1 from region r where r.code = ? || n)""", Integer.class, county);
			if (number == null) {
				throw new IllegalStateException("No free township number left in " + county);
			}
			var code = county + number;
			if (jdbc.update("""
					insert into region (code, name, level, parent_code) values (?, ?, 'TOWNSHIP', ?)
					on conflict do nothing""", code, stem + number, county) == 1) {
				return code;
			}
		}
	}

}
