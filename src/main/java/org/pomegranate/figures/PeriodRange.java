package org.pomegranate.figures;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.pomegranate.shared.BusinessRuleException;

/**
 * The months a dashboard or a report may be asked for: from the month of the first record (the
 * earliest visit, petition or pairing) to this month. The period pickers offer each of its years
 * with any month, quarter or the whole year; the server refuses a period outside it.
 */
public record PeriodRange(YearMonth first, YearMonth last) {

	/** The parts of a year a picker offers, as {@link Period#of} reads them: the whole year, the quarters, the months. */
	public static final List<String> PARTS = List.of("Y", "Q1", "Q2", "Q3", "Q4", "1", "2", "3", "4", "5", "6", "7", "8",
			"9", "10", "11", "12");

	/** From the month of {@code firstDay} (this month when there is no record yet) to this month. */
	public static PeriodRange since(Optional<LocalDate> firstDay, LocalDate today) {
		var last = YearMonth.from(today);
		var first = firstDay.map(YearMonth::from).filter(month -> month.isBefore(last)).orElse(last);
		return new PeriodRange(first, last);
	}

	/** Its years, the latest first. */
	public List<Integer> years() {
		var years = new ArrayList<Integer>();
		for (int year = last.getYear(); year >= first.getYear(); year--) {
			years.add(year);
		}
		return years;
	}

	/**
	 * Whether the period may be asked for: a month, quarter or year as the pickers offer it has a
	 * day in the range (the whole year of the first record is offered); a range of days typed freely
	 * lies wholly in it.
	 */
	public boolean contains(Period period) {
		var start = first.atDay(1);
		var end = last.atEndOfMonth();
		if (period.kind() == Period.Kind.RANGE) {
			return !period.from().isBefore(start) && !period.to().isAfter(end);
		}
		return !period.to().isBefore(start) && !period.from().isAfter(end);
	}

	/** The period, or a refusal that names the range (期间须在 2019年3月至2026年12月之间). */
	public Period require(Period period) {
		if (!contains(period)) {
			throw new BusinessRuleException("period.error.range", Period.month(first).label(), Period.month(last).label());
		}
		return period;
	}

}
