package org.pomegranate.shared;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.Optional;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters of the
 * alphabet {@code 0-9ABCDEFGHJKLMNPQRTUWXY} (no I, O, S, V, Z), the last a check character over
 * the first 17: weights {@code 3^i mod 31}, sum mod 31, check = 31 − (sum mod 31) (31 reads as 0).
 */
public final class CreditCode {

	/** The 31 characters of the code, each worth its position. */
	static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	public static final int LENGTH = 18;

	private CreditCode() {
	}

	/** The code as typed, trimmed and in capitals (full-width characters made ASCII), or null when blank. */
	public static @Nullable String normalize(@Nullable String typed) {
		var text = FormText.clean(typed);
		if (text == null) {
			return null;
		}
		var ascii = new StringBuilder(text.length());
		text.codePoints().forEach(c -> ascii.appendCodePoint(c >= 0xFF01 && c <= 0xFF5E ? c - 0xFEE0 : c));
		return ascii.toString().replace(" ", "").toUpperCase(Locale.ROOT);
	}

	/** Whether {@code code} (already normalized) is 18 characters of the alphabet with the right check character. */
	public static boolean isValid(@Nullable String code) {
		if (code == null || code.length() != LENGTH) {
			return false;
		}
		for (int i = 0; i < LENGTH; i++) {
			if (ALPHABET.indexOf(code.charAt(i)) < 0) {
				return false;
			}
		}
		return checkCharacter(code.substring(0, LENGTH - 1)).filter(c -> c == code.charAt(LENGTH - 1)).isPresent();
	}

	/** The check character of the first 17 characters; empty when they are not 17 characters of the alphabet. */
	public static Optional<Character> checkCharacter(String first17) {
		if (first17.length() != LENGTH - 1) {
			return Optional.empty();
		}
		int sum = 0;
		for (int i = 0; i < first17.length(); i++) {
			int value = ALPHABET.indexOf(first17.charAt(i));
			if (value < 0) {
				return Optional.empty();
			}
			sum += value * WEIGHTS[i];
		}
		int check = (31 - sum % 31) % 31;
		return Optional.of(ALPHABET.charAt(check));
	}

	/**
	 * A form field holding a credit code as typed ({@link #normalize}: spaces, lower case and
	 * full-width characters allowed) that is valid by the standard; blank passes.
	 */
	@Documented
	@Constraint(validatedBy = Format.Validator.class)
	@Target({ FIELD, METHOD, PARAMETER, RECORD_COMPONENT })
	@Retention(RUNTIME)
	public @interface Format {

		String message() default "{validation.creditCode}";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

		class Validator implements ConstraintValidator<Format, CharSequence> {

			@Override
			public boolean isValid(@Nullable CharSequence value, ConstraintValidatorContext context) {
				var code = normalize(value == null ? null : value.toString());
				return code == null || CreditCode.isValid(code);
			}

		}

	}

}
