package org.pomegranate.supervision.task;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * When a list is due: its recurrence, the day of the month (for a recurrence), the first due date
 * (the due date of a list issued once; the first period of a recurrence) and the last day a
 * period may fall due on. {@link #periods} lists the periods one instance per recipient is made for.
 */
public record Schedule(Recurrence recurrence, @Nullable Integer dueDay, LocalDate firstDueOn, @Nullable LocalDate untilOn) {

	/** The key of the one period of a list issued once. */
	public static final String ONCE = "ONCE";

	/** One period: its key ({@code 2026-03}, {@code 2026-Q1}, {@code 2026}), its first day and its due date. */
	public record Period(String key, LocalDate startsOn, LocalDate dueOn) {
	}

	public Schedule {
		if (recurrence != Recurrence.ONCE && (dueDay == null || dueDay < 1 || dueDay > 31)) {
			throw new IllegalArgumentException("A recurrence needs a day of the month from 1 to 31: " + dueDay);
		}
	}

	/**
	 * Every period from the first whose first day is on or before {@code through} and whose due
	 * date is not after {@link #untilOn}; a list issued once has its one period whatever the day.
	 */
	public List<Period> periods(LocalDate through) {
		if (recurrence == Recurrence.ONCE) {
			return List.of(new Period(ONCE, firstDueOn, firstDueOn));
		}
		var periods = new ArrayList<Period>();
		for (var period = periodOf(firstDueOn); !period.startsOn().isAfter(through); period = next(period)) {
			if (untilOn != null && period.dueOn().isAfter(untilOn)) {
				break;
			}
			periods.add(period);
		}
		return periods;
	}

	/** The period {@code day} lies in. */
	public Period periodOf(LocalDate day) {
		return switch (recurrence) {
			case ONCE -> new Period(ONCE, firstDueOn, firstDueOn);
			case MONTHLY -> {
				var month = YearMonth.from(day);
				yield new Period(month.toString(), month.atDay(1), dayIn(month));
			}
			case QUARTERLY -> {
				int quarter = day.get(IsoFields.QUARTER_OF_YEAR);
				var first = YearMonth.of(day.getYear(), quarter * 3 - 2);
				yield new Period(day.getYear() + "-Q" + quarter, first.atDay(1), dayIn(first.plusMonths(2)));
			}
			case YEARLY -> new Period(String.valueOf(day.getYear()), LocalDate.of(day.getYear(), 1, 1),
					dayIn(YearMonth.of(day.getYear(), firstDueOn.getMonth())));
		};
	}

	/** The first day of the period after the one {@code day} lies in: generation runs that far ahead. */
	public LocalDate nextPeriodStart(LocalDate day) {
		return next(periodOf(day)).startsOn();
	}

	private Period next(Period period) {
		var start = period.startsOn();
		return switch (recurrence) {
			case ONCE -> period;
			case MONTHLY -> periodOf(start.plusMonths(1));
			case QUARTERLY -> periodOf(start.plusMonths(3));
			case YEARLY -> periodOf(start.plusYears(1));
		};
	}

	/** Day N of the month, or its last day where the month is shorter (31 → 30 April, 29 → 28 February). */
	private LocalDate dayIn(YearMonth month) {
		return month.atDay(Math.min(dueDay == null ? 1 : dueDay, month.lengthOfMonth()));
	}

}
