package org.pomegranate.shared;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The citizen identity number of GB 11643-1999: 6 digits of address, 8 of birth date, 3 of
 * sequence and an ISO 7064 MOD 11-2 check character ({@code 0}–{@code 9} or {@code X}). Only the
 * 18-character form is accepted; the 15-digit numbers of before 1999 are no longer valid.
 */
public final class IdNumber {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

	private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

	private IdNumber() {
	}

	/** Why a number is not valid, as a message key, or empty when it is. */
	public static Optional<String> problem(@Nullable String raw, LocalDate today) {
		var number = normalize(raw);
		if (number.length() != 18) {
			return Optional.of("idNumber.error.length");
		}
		for (int i = 0; i < 17; i++) {
			if (!Character.isDigit(number.charAt(i))) {
				return Optional.of("idNumber.error.digits");
			}
		}
		var birth = birthDate(number);
		if (birth == null) {
			return Optional.of("idNumber.error.birthDate");
		}
		if (birth.isAfter(today) || birth.isBefore(EARLIEST_BIRTH)) {
			return Optional.of("idNumber.error.birthDateRange");
		}
		if (number.charAt(17) != checkCharacter(number)) {
			return Optional.of("idNumber.error.checkDigit");
		}
		return Optional.empty();
	}

	/** Upper-case, without spaces; full-width digits and X as typed by Chinese input methods become ASCII. */
	public static String normalize(@Nullable String raw) {
		if (raw == null) {
			return "";
		}
		var builder = new StringBuilder(18);
		raw.strip().codePoints().forEach(c -> {
			if (c >= '０' && c <= '９') {
				builder.append((char) (c - '０' + '0'));
			}
			else if (c == 'ｘ' || c == 'Ｘ') {
				builder.append('X');
			}
			else if (!Character.isWhitespace(c)) {
				builder.appendCodePoint(c);
			}
		});
		return builder.toString().toUpperCase(Locale.ROOT);
	}

	/** The full number for 17 given digits: they followed by their check character. */
	public static String withCheckCharacter(String first17) {
		return first17 + checkCharacter(first17);
	}

	static char checkCharacter(String number) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (number.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK[sum % 11];
	}

	private static @Nullable LocalDate birthDate(String number) {
		try {
			return LocalDate.parse(number.substring(6, 14), BIRTH_DATE);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
