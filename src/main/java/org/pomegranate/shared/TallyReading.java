package org.pomegranate.shared;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * What the figure readers over the per-county, per-month tallies of {@code db/TALLIES.md} share
 * (petition figures, visit figures): whether the tallies can answer for a region, the period cut
 * into whole months (summed from a monthly tally) and the days around them, and the SQL keys of a
 * breakdown by region below or by month. Each reader brings its own queries.
 */
public final class TallyReading {

	private TallyReading() {
	}

	/**
	 * Whether the tallies answer for the subtree of {@code regionCode}: above a county, as a whole,
	 * by month or by region below (the tallies are kept per county, so they tell counties apart and
	 * nothing smaller); a county and below count their rows, which is quick on the region index.
	 */
	public static boolean tallied(String regionCode) {
		return RegionCode.of(regionCode).isAboveCounty();
	}

	/**
	 * Counts a period: all of it from {@code rows}, or, {@code tallied}, the whole months inside it
	 * from {@code months} and the days before and after them from {@code days}.
	 */
	public static void count(LocalDate from, LocalDate toInclusive, boolean tallied, Days rows, Months months,
			Days days) {
		if (!tallied) {
			rows.count(from, toInclusive);
			return;
		}
		var split = WholeMonths.of(from, toInclusive);
		if (split.any()) {
			months.count(split.first(), split.last());
		}
		for (var run : split.days()) {
			days.count(run.from(), run.to());
		}
	}

	/** The months of a period, oldest first, the partial ones at its ends included. */
	public static List<YearMonth> months(LocalDate from, LocalDate toInclusive) {
		var months = new ArrayList<YearMonth>();
		for (var month = YearMonth.from(from); !month.isAfter(YearMonth.from(toInclusive)); month = month.plusMonths(1)) {
			months.add(month);
		}
		return months;
	}

	/** SQL grouping by the region below: the first {@code childLength} characters of {@code codeColumn}. */
	public static String byRegionBelow(String codeColumn, int childLength) {
		return "substr(" + codeColumn + ", 1, " + childLength + ")";
	}

	/** SQL grouping by month, as {@link YearMonth#toString()} writes it. */
	public static String byMonth(String dateColumn) {
		return "to_char(" + dateColumn + ", 'YYYY-MM')";
	}

	/** Counts a run of days, both ends included. */
	@FunctionalInterface
	public interface Days {

		void count(LocalDate from, LocalDate toInclusive);

	}

	/** Counts whole months, both ends included. */
	@FunctionalInterface
	public interface Months {

		void count(YearMonth first, YearMonth last);

	}

}
