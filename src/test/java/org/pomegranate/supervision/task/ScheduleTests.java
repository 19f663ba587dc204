package org.pomegranate.supervision.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pomegranate.supervision.task.Schedule.Period;

/**
 * The periods a recurrence makes, read against a calendar: day 31 in 30-day months and February,
 * 29 February in leap and common years, quarters, years, an end date, and how far ahead.
 */
class ScheduleTests {

	private static List<String> keys(List<Period> periods) {
		return periods.stream().map(Period::key).toList();
	}

	private static List<LocalDate> dues(List<Period> periods) {
		return periods.stream().map(Period::dueOn).toList();
	}

	@Test
	void monthlyOnThe31stFallsOnEachMonthsLastDay() {
		var schedule = new Schedule(Recurrence.MONTHLY, 31, LocalDate.of(2026, 1, 1), null);
		var periods = schedule.periods(LocalDate.of(2026, 6, 1));
		assertThat(keys(periods)).containsExactly("2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06");
		assertThat(dues(periods)).containsExactly(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 28),
				LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 30), LocalDate.of(2026, 5, 31), LocalDate.of(2026, 6, 30));
		assertThat(periods.get(0).startsOn()).isEqualTo(LocalDate.of(2026, 1, 1));
	}

	@Test
	void monthlyOnThe29thIsThe29thOfFebruaryOnlyInALeapYear() {
		var leap = new Schedule(Recurrence.MONTHLY, 29, LocalDate.of(2028, 2, 1), null).periods(LocalDate.of(2028, 3, 1));
		assertThat(dues(leap)).containsExactly(LocalDate.of(2028, 2, 29), LocalDate.of(2028, 3, 29));
		var common = new Schedule(Recurrence.MONTHLY, 29, LocalDate.of(2027, 2, 1), null).periods(LocalDate.of(2027, 3, 1));
		assertThat(dues(common)).containsExactly(LocalDate.of(2027, 2, 28), LocalDate.of(2027, 3, 29));
	}

	@Test
	void yearlyOn29FebruaryIs28FebruaryInACommonYear() {
		var schedule = new Schedule(Recurrence.YEARLY, 29, LocalDate.of(2028, 2, 29), null);
		var periods = schedule.periods(LocalDate.of(2030, 1, 1));
		assertThat(keys(periods)).containsExactly("2028", "2029", "2030");
		assertThat(dues(periods)).containsExactly(LocalDate.of(2028, 2, 29), LocalDate.of(2029, 2, 28),
				LocalDate.of(2030, 2, 28));
	}

	@Test
	void quarterlyIsDueInEachQuartersLastMonth() {
		var schedule = new Schedule(Recurrence.QUARTERLY, 31, LocalDate.of(2026, 2, 10), null);
		var periods = schedule.periods(LocalDate.of(2026, 12, 31));
		assertThat(keys(periods)).containsExactly("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4");
		assertThat(dues(periods)).containsExactly(LocalDate.of(2026, 3, 31), LocalDate.of(2026, 6, 30),
				LocalDate.of(2026, 9, 30), LocalDate.of(2026, 12, 31));
		assertThat(periods.get(1).startsOn()).isEqualTo(LocalDate.of(2026, 4, 1));
	}

	@Test
	void noPeriodIsDueAfterTheEndDate() {
		var schedule = new Schedule(Recurrence.MONTHLY, 25, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 6, 24));
		assertThat(keys(schedule.periods(LocalDate.of(2027, 1, 1)))).containsExactly("2026-03", "2026-04", "2026-05");
		var onTheDay = new Schedule(Recurrence.MONTHLY, 25, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 6, 25));
		assertThat(keys(onTheDay.periods(LocalDate.of(2027, 1, 1)))).endsWith("2026-06");
	}

	@Test
	void generationReachesTheNextPeriodAndNoFurther() {
		var monthly = new Schedule(Recurrence.MONTHLY, 25, LocalDate.of(2026, 3, 1), null);
		var today = LocalDate.of(2026, 12, 4);
		assertThat(monthly.nextPeriodStart(today)).isEqualTo(LocalDate.of(2027, 1, 1));
		assertThat(keys(monthly.periods(monthly.nextPeriodStart(today)))).hasSize(11).endsWith("2026-12", "2027-01");
		var quarterly = new Schedule(Recurrence.QUARTERLY, 28, LocalDate.of(2026, 3, 1), null);
		assertThat(quarterly.nextPeriodStart(today)).isEqualTo(LocalDate.of(2027, 1, 1));
		assertThat(keys(quarterly.periods(quarterly.nextPeriodStart(today)))).containsExactly("2026-Q1", "2026-Q2",
				"2026-Q3", "2026-Q4", "2027-Q1");
	}

	@Test
	void aListIssuedOnceHasOnePeriodDueOnItsDate() {
		var once = new Schedule(Recurrence.ONCE, null, LocalDate.of(2026, 11, 30), null);
		assertThat(once.periods(LocalDate.of(2030, 1, 1))).containsExactly(
				new Period(Schedule.ONCE, LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 30)));
	}

	@Test
	void aRecurrenceNeedsADayOfTheMonth() {
		assertThatThrownBy(() -> new Schedule(Recurrence.MONTHLY, null, LocalDate.of(2026, 1, 1), null))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Schedule(Recurrence.MONTHLY, 32, LocalDate.of(2026, 1, 1), null))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
