package org.pomegranate.unit.naming;

import java.time.LocalDate;
import java.time.Month;

/**
 * How long a title lasts: from its naming day to the day before the same date {@code years} later
 * (a title named on 29 February runs to the end of February of a year without one: named
 * 2024-02-29, valid until 2029-02-28; named 2023-03-01, valid until 2028-02-29).
 */
public final class Validity {

	public static final int DEFAULT_YEARS = 5;

	/** The year of the mid-term re-check (中期复查): due when this many years have passed. */
	public static final int MID_TERM_YEARS = 3;

	private Validity() {
	}

	public static LocalDate until(LocalDate namedOn, int years) {
		var anniversary = namedOn.plusYears(years);
		if (namedOn.getMonth() == Month.FEBRUARY && namedOn.getDayOfMonth() == 29 && anniversary.getDayOfMonth() == 28) {
			// No 29 February that year: the anniversary is 1 March, so the title runs to 28 February.
			anniversary = anniversary.plusDays(1);
		}
		return anniversary.minusDays(1);
	}

}
