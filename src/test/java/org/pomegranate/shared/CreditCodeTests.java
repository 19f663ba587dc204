package org.pomegranate.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The unified social credit code's check character (GB 32100-2015), on codes as they are printed on
 * business licences: weights 1, 3, 9 … 28 over the 31-character alphabet, 31 − (sum mod 31).
 */
class CreditCodeTests {

	@Test
	void realCodesAreValid() {
		// The one the standard's explanations and many guides quote.
		assertThat(CreditCode.isValid("91350100M000100Y43")).isTrue();
		// Its check character, worked by hand: the weighted sum of the first 17 is 1640, 1640 mod 31 = 28, 31 − 28 = 3.
		assertThat(CreditCode.checkCharacter("91350100M000100Y4")).contains('3');
		// Two more codes as printed on licences (a 33 and a 44 registration authority).
		assertThat(CreditCode.isValid("91330100799655058B")).isTrue();
		assertThat(CreditCode.isValid("914403001922038216")).isTrue();
	}

	@Test
	void aWrongCheckCharacterIsRefused() {
		assertThat(CreditCode.isValid("91350100M000100Y44")).isFalse();
		assertThat(CreditCode.isValid("91330100799655058C")).isFalse();
		assertThat(CreditCode.isValid("914403001922038217")).isFalse();
	}

	@Test
	void lettersOutsideTheAlphabetAndWrongLengthsAreRefused() {
		// I, O, S, V and Z are not in the alphabet, whatever the sum.
		for (var letter : new char[] { 'I', 'O', 'S', 'V', 'Z' }) {
			var code = "91350100M000100Y4".replace('M', letter);
			assertThat(CreditCode.checkCharacter(code)).as(code).isEmpty();
			assertThat(CreditCode.isValid(code + "3")).as(code).isFalse();
		}
		assertThat(CreditCode.isValid("91350100m000100y43")).isFalse();
		assertThat(CreditCode.isValid("91350100M000100Y4")).isFalse();
		assertThat(CreditCode.isValid("91350100M000100Y433")).isFalse();
		assertThat(CreditCode.isValid(null)).isFalse();
	}

	@Test
	void typedCodesAreNormalizedBeforeTheCheck() {
		assertThat(CreditCode.normalize(" 91350100m000100y43 ")).isEqualTo("91350100M000100Y43");
		assertThat(CreditCode.normalize("９１３５０１００Ｍ０００１００Ｙ４３")).isEqualTo("91350100M000100Y43");
		assertThat(CreditCode.normalize("　")).isNull();
	}

}
