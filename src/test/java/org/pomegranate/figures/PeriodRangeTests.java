package org.pomegranate.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.pomegranate.shared.BusinessRuleException;

/** The period pickers' year and part, the range since the first record, and the day a standing figure stands at. */
class PeriodRangeTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

	@Test
	void aYearAndAPartOfItAreAPeriod() {
		assertThat(Period.of("2019", "3")).isEqualTo(Period.month(YearMonth.of(2019, 3)));
		assertThat(Period.of("2019", "Q4").label()).isEqualTo("2019年第四季度");
		assertThat(Period.of("2019", "Y")).isEqualTo(Period.year(2019));
		assertThat(Period.of(" 2019 ", null)).isEqualTo(Period.year(2019));
		for (var period : new Period[] { Period.of("2019", "3"), Period.of("2019", "Q2"), Period.of("2019", "Y") }) {
			assertThat(Period.of(String.valueOf(period.from().getYear()), period.part())).isEqualTo(period);
		}
		for (var part : new String[] { "0", "13", "Q5", "q1", "03", "1月", "Y2" }) {
			assertThatThrownBy(() -> Period.of("2019", part)).as(part).isInstanceOf(BusinessRuleException.class)
				.hasMessageContaining("period.error");
		}
		for (var year : new String[] { "19", "２０１９", "2019x", "", "1999" }) {
			assertThatThrownBy(() -> Period.of(year, "Y")).as(year).isInstanceOf(BusinessRuleException.class);
		}
	}

	@Test
	void theRangeRunsFromTheFirstRecordsMonthToThisMonth() {
		var range = PeriodRange.since(Optional.of(LocalDate.of(2019, 3, 15)), TODAY);
		assertThat(range.years()).containsExactly(2026, 2025, 2024, 2023, 2022, 2021, 2020, 2019);
		assertThat(range.contains(Period.parse("2019-03"))).isTrue();
		assertThat(range.contains(Period.parse("2019"))).isTrue();
		assertThat(range.contains(Period.parse("2019-Q1"))).isTrue();
		assertThat(range.contains(Period.parse("2026"))).isTrue();
		assertThat(range.contains(Period.parse("2026-12"))).isTrue();
		assertThat(range.contains(Period.parse("2019-02"))).isFalse();
		assertThat(range.contains(Period.parse("2027-01"))).isFalse();
		assertThatThrownBy(() -> range.require(Period.parse("2018"))).isInstanceOf(BusinessRuleException.class)
			.hasMessageContaining("period.error.range");
		// No record yet: this month only.
		assertThat(PeriodRange.since(Optional.empty(), TODAY).years()).containsExactly(2026);
		assertThat(PeriodRange.since(Optional.of(TODAY.plusYears(1)), TODAY).first()).isEqualTo(YearMonth.of(2026, 12));
	}

	/** A range of days typed freely is refused unless all of it is in the range (the pickers' periods need only a day). */
	@Test
	void aFreeRangeOfDaysMustLieWhollyInTheRange() {
		var range = PeriodRange.since(Optional.of(LocalDate.of(2019, 3, 15)), TODAY);
		assertThat(range.contains(Period.parse("2019-03-01_2026-12-31"))).isTrue();
		assertThat(range.contains(Period.parse("2019-02-20_2019-03-10"))).isFalse();
		assertThat(range.contains(Period.parse("2026-12-01_2027-01-05"))).isFalse();
		assertThatThrownBy(() -> range.require(Period.parse("2018-06-01_2019-04-30")))
			.isInstanceOf(BusinessRuleException.class)
			.hasMessageContaining("period.error.range");
	}

	@Test
	void aStandingFigureStandsAtThePeriodsLastDayOrTodayWhileItRuns() {
		assertThat(Period.parse("2023-06").standingOn(TODAY)).isEqualTo(LocalDate.of(2023, 6, 30));
		assertThat(Period.parse("2026-12").standingOn(TODAY)).isEqualTo(TODAY);
		assertThat(Period.parse("2026").standingOn(TODAY)).isEqualTo(TODAY);
		assertThat(Period.parse("2024-Q1").standingOn(TODAY)).isEqualTo(LocalDate.of(2024, 3, 31));
		assertThat(Period.day(LocalDate.of(2024, 2, 29))).isEqualTo("2024年2月29日");
	}

}
