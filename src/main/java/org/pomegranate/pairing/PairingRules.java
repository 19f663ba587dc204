package org.pomegranate.pairing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Small rules the pairing services share: text clean-up, phones, numbers and dates as typed.
 */
final class PairingRules {

	private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");

	private PairingRules() {
	}

	/** Trimmed text, or null when blank. */
	static @Nullable String clean(@Nullable String text) {
		if (text == null) {
			return null;
		}
		var stripped = text.strip();
		return stripped.isEmpty() ? null : stripped;
	}

	static boolean tooLong(@Nullable String text, int max) {
		return text != null && text.codePointCount(0, text.length()) > max;
	}

	/** A mobile (13812341234) or landline (0836-2812345) number, spaces and full-width digits allowed. */
	static @Nullable String phone(@Nullable String raw) {
		var text = clean(raw);
		if (text == null) {
			return null;
		}
		var builder = new StringBuilder();
		text.codePoints().forEach(c -> {
			if (c >= '０' && c <= '９') {
				builder.append((char) (c - '０' + '0'));
			}
			else if (c != ' ' && c != '　') {
				builder.appendCodePoint(c);
			}
		});
		return builder.toString();
	}

	/** A whole number as typed (full-width digits allowed), or null when it is not one. */
	static @Nullable Integer wholeNumber(@Nullable String raw) {
		var text = digits(raw);
		if (text == null || !text.matches("-?\\d{1,9}")) {
			return null;
		}
		return Integer.valueOf(text);
	}

	/** An amount of money as typed; empty is zero, anything else not a number is null. */
	static @Nullable BigDecimal amount(@Nullable String raw) {
		var text = digits(raw);
		if (text == null) {
			return BigDecimal.ZERO;
		}
		try {
			return new BigDecimal(text.replace(",", "").replace("，", ""));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** A date as the date field sends it (2024-02-05), or null. */
	static @Nullable LocalDate date(@Nullable String raw) {
		var text = clean(raw);
		if (text == null) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static @Nullable String digits(@Nullable String raw) {
		var text = clean(raw);
		if (text == null) {
			return null;
		}
		var builder = new StringBuilder();
		text.codePoints().forEach(c -> builder.appendCodePoint(c >= '０' && c <= '９' ? c - '０' + '0' : c == '．' ? '.' : c));
		return builder.toString();
	}

	static boolean validPhone(@Nullable String phone) {
		return phone == null || PHONE.matcher(phone).matches();
	}

}
