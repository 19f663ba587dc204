package org.pomegranate.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/**
 * GB 11643 with the edge cases staff actually meet.
 */
class IdNumberTests {

	private static final LocalDate TODAY = LocalDate.of(2024, 2, 5);

	@Test
	void acceptsARealNumberWithCheckDigitX() {
		// 11010519491231002X is the standard's own example: sum of weighted digits mod 11 = 2 → X.
		assertThat(IdNumber.problem("11010519491231002X", TODAY)).isEmpty();
		assertThat(IdNumber.problem("11010519491231002x", TODAY)).isEmpty();
		assertThat(IdNumber.normalize("11010519491231002x")).isEqualTo("11010519491231002X");
	}

	@Test
	void refusesAWrongCheckDigit() {
		assertThat(IdNumber.problem("110105194912310021", TODAY)).contains("idNumber.error.checkDigit");
		assertThat(IdNumber.problem("110105194912310029", TODAY)).contains("idNumber.error.checkDigit");
	}

	@Test
	void knowsTheTwentyNinthOfFebruary() {
		assertThat(IdNumber.problem(IdNumber.withCheckCharacter("51330119880229001"), TODAY)).isEmpty();
		assertThat(IdNumber.problem(IdNumber.withCheckCharacter("51330120000229001"), TODAY)).isEmpty();
		assertThat(IdNumber.problem(IdNumber.withCheckCharacter("51330119000229001"), TODAY))
			.contains("idNumber.error.birthDate");
		assertThat(IdNumber.problem(IdNumber.withCheckCharacter("51330119890229001"), TODAY))
			.contains("idNumber.error.birthDate");
		assertThat(IdNumber.problem(IdNumber.withCheckCharacter("51330119880231001"), TODAY))
			.contains("idNumber.error.birthDate");
	}

	@Test
	void refusesBirthDatesInTheFutureOrBefore1900() {
		assertThat(IdNumber.problem(IdNumber.withCheckCharacter("51330120240205001"), TODAY)).isEmpty();
		assertThat(IdNumber.problem(IdNumber.withCheckCharacter("51330120240206001"), TODAY))
			.contains("idNumber.error.birthDateRange");
		assertThat(IdNumber.problem(IdNumber.withCheckCharacter("51330118991231001"), TODAY))
			.contains("idNumber.error.birthDateRange");
	}

	@Test
	void refusesWrongLengthsAndLetters() {
		assertThat(IdNumber.problem("513301880229001", TODAY)).contains("idNumber.error.length");
		assertThat(IdNumber.problem("", TODAY)).contains("idNumber.error.length");
		assertThat(IdNumber.problem(null, TODAY)).contains("idNumber.error.length");
		assertThat(IdNumber.problem("5133011988022900A1", TODAY)).contains("idNumber.error.digits");
	}

	@Test
	void readsFullWidthDigitsAndSpacesAsTypedByChineseInputMethods() {
		var number = IdNumber.withCheckCharacter("51330119880229001");
		var fullWidth = new StringBuilder();
		number.chars().forEach(c -> fullWidth.append(Character.isDigit(c) ? (char) (c - '0' + '０') : (char) c));
		assertThat(IdNumber.normalize(" " + fullWidth.substring(0, 6) + " " + fullWidth.substring(6))).isEqualTo(number);
	}

	@Test
	void masksAllButTheRegionAndTheLastFour() {
		assertThat(Masking.idNumber("513301198802290011")).isEqualTo("513301********0011");
		assertThat(Masking.phone("13812341234")).isEqualTo("138****1234");
		assertThat(Masking.phone("0836-2812345")).isEqualTo("083*****2345");
		assertThat(Masking.phone(null)).isEmpty();
	}

}
