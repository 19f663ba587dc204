package org.pomegranate.figures;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.BusinessRuleException;

/**
 * The period a dashboard or a report counts: a month, a quarter, a year or a custom range of
 * days, both ends included. Written in URLs as {@code 2024-02}, {@code 2024-Q1}, {@code 2024}
 * or {@code 2024-01-05_2024-03-10}.
 */
public record Period(Kind kind, LocalDate from, LocalDate to) {

	public enum Kind {
		MONTH, QUARTER, YEAR, RANGE
	}

	private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

	private static final Pattern YEAR = Pattern.compile("\\d{4}");

	private static final Pattern PART = Pattern.compile("|Y|Q[1-4]|[1-9]|1[0-2]");

	private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	public Period {
		if (to.isBefore(from) || from.isBefore(EARLIEST) || from.plusYears(10).isBefore(to)) {
			throw new BusinessRuleException("period.error");
		}
	}

	public static Period month(YearMonth month) {
		return new Period(Kind.MONTH, month.atDay(1), month.atEndOfMonth());
	}

	public static Period quarter(int year, int quarter) {
		var first = YearMonth.of(year, quarter * 3 - 2);
		return new Period(Kind.QUARTER, first.atDay(1), first.plusMonths(2).atEndOfMonth());
	}

	public static Period year(int year) {
		return new Period(Kind.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
	}

	/** A period as written in a URL; refuses (as a rule violation) anything else. */
	public static Period parse(String text) {
		var value = text.strip();
		try {
			var quarter = QUARTER.matcher(value);
			if (quarter.matches()) {
				return quarter(Integer.parseInt(quarter.group(1)), Integer.parseInt(quarter.group(2)));
			}
			if (YEAR.matcher(value).matches()) {
				return year(Integer.parseInt(value));
			}
			if (value.contains("_")) {
				var ends = value.split("_", 2);
				return range(LocalDate.parse(ends[0]), LocalDate.parse(ends[1]));
			}
			return month(YearMonth.parse(value));
		}
		catch (DateTimeParseException | NumberFormatException ex) {
			throw new BusinessRuleException("period.error");
		}
	}

	/** A custom range of days, both ends included. */
	public static Period range(LocalDate from, LocalDate to) {
		return new Period(Kind.RANGE, from, to);
	}

	/** How the period is written in a URL, the inverse of {@link #parse}. */
	public String code() {
		return switch (kind) {
			case MONTH -> YearMonth.from(from).toString();
			case QUARTER -> from.getYear() + "-Q" + quarterOfYear();
			case YEAR -> String.valueOf(from.getYear());
			case RANGE -> from + "_" + to;
		};
	}

	/** The Chinese name of the period, as a report's title carries it: 2024年2月, 2024年第一季度. */
	public String label() {
		return switch (kind) {
			case MONTH -> from.getYear() + "年" + from.getMonthValue() + "月";
			case QUARTER -> from.getYear() + "年第" + "一二三四".charAt(quarterOfYear() - 1) + "季度";
			case YEAR -> from.getYear() + "年";
			case RANGE -> day(from) + "至" + day(to);
		};
	}

	/** The period just before, of the same kind and length. */
	public Period previous() {
		return switch (kind) {
			case MONTH -> month(YearMonth.from(from).minusMonths(1));
			case QUARTER -> new Period(kind, from.minusMonths(3), from.minusDays(1));
			case YEAR -> year(from.getYear() - 1);
			case RANGE -> range(from.minusDays(ChronoUnit.DAYS.between(from, to) + 1), from.minusDays(1));
		};
	}

	/** The same period one year earlier (同比). */
	public Period sameLastYear() {
		return switch (kind) {
			case MONTH -> month(YearMonth.from(from).minusYears(1));
			case RANGE -> range(from.minusYears(1), to.minusYears(1));
			default -> new Period(kind, from.minusYears(1), YearMonth.from(to.minusYears(1)).atEndOfMonth());
		};
	}

	/** From the first of January of the period's last year to its end (今年以来 / 累计). */
	public Period yearToDate() {
		return range(to.withDayOfYear(1), to);
	}

	/** The twelve months up to the period's last month, for a trend. */
	public Period trailingYear() {
		var last = YearMonth.from(to);
		return range(last.minusMonths(11).atDay(1), last.atEndOfMonth());
	}

	/**
	 * The period chosen as a year and a part of it, as the period pickers send them: {@code part}
	 * empty or {@code Y} for the whole year, {@code Q1}–{@code Q4} for a quarter, {@code 1}–{@code 12}
	 * for a month. Refuses (as a rule violation) anything else.
	 */
	public static Period of(String year, @Nullable String part) {
		var y = year.strip();
		var p = part == null ? "" : part.strip();
		if (!YEAR.matcher(y).matches() || !PART.matcher(p).matches()) {
			throw new BusinessRuleException("period.error");
		}
		int number = Integer.parseInt(y);
		if (p.isEmpty() || p.equals("Y")) {
			return year(number);
		}
		if (p.startsWith("Q")) {
			return quarter(number, Integer.parseInt(p.substring(1)));
		}
		return month(YearMonth.of(number, Integer.parseInt(p)));
	}

	/** The part of its year the period is, as {@link #of} reads it: {@code Y}, {@code Q1}, {@code 2}; empty for a range. */
	public String part() {
		return switch (kind) {
			case MONTH -> String.valueOf(from.getMonthValue());
			case QUARTER -> "Q" + quarterOfYear();
			case YEAR -> "Y";
			case RANGE -> "";
		};
	}

	/**
	 * The day a figure that stands at a day (coverage) is counted as of for this period: its last
	 * day once it is over, {@code today} while it runs (or before it begins).
	 */
	public LocalDate standingOn(LocalDate today) {
		return to.isBefore(today) ? to : today;
	}

	/** Whether {@code day} lies in the period. */
	public boolean contains(LocalDate day) {
		return !day.isBefore(from) && !day.isAfter(to);
	}

	private int quarterOfYear() {
		return (from.getMonthValue() - 1) / 3 + 1;
	}

	/** A day as Chinese documents write it: 2024年2月29日. */
	public static String day(LocalDate date) {
		return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
	}

}
