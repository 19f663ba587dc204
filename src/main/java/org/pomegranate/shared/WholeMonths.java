package org.pomegranate.shared;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A period cut into the whole calendar months inside it and the days before and after them:
 * counts kept per month serve the months, the rows (or a daily count) serve the days. For
 * 2024-01-15 … 2024-03-31: the months February and March, and the days 2024-01-15 … 2024-01-31.
 */
public record WholeMonths(@Nullable YearMonth first, @Nullable YearMonth last, List<Days> days) {

	/** A run of days, both ends included. */
	public record Days(LocalDate from, LocalDate to) {
	}

	public static WholeMonths of(LocalDate from, LocalDate toInclusive) {
		var first = YearMonth.from(from.getDayOfMonth() == 1 ? from : from.plusMonths(1));
		var last = YearMonth.from(toInclusive.plusDays(1)).minusMonths(1);
		if (first.isAfter(last)) {
			return new WholeMonths(null, null, List.of(new Days(from, toInclusive)));
		}
		var days = new ArrayList<Days>();
		if (from.isBefore(first.atDay(1))) {
			days.add(new Days(from, first.atDay(1).minusDays(1)));
		}
		if (toInclusive.isAfter(last.atEndOfMonth())) {
			days.add(new Days(last.atEndOfMonth().plusDays(1), toInclusive));
		}
		return new WholeMonths(first, last, List.copyOf(days));
	}

	/** Whether the period holds at least one whole month. */
	public boolean any() {
		return first != null;
	}

}
