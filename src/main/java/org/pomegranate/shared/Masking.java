package org.pomegranate.shared;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Personal data as lists, exports and logs show it: {@code 513301********0011} for an identity
 * number, {@code 138****1234} for a phone, {@code 张*} for a person's name. The full value is shown
 * only on request, audited.
 */
public final class Masking {

	private static final Pattern MASKED_PHONE = Pattern.compile("[0-9-]{3}\\*+[0-9]{4}");

	private Masking() {
	}

	public static String idNumber(@Nullable String number) {
		if (number == null || number.isEmpty()) {
			return "";
		}
		if (number.length() < 10) {
			return "*".repeat(number.length());
		}
		return number.substring(0, 6) + "*".repeat(number.length() - 10) + number.substring(number.length() - 4);
	}

	public static String phone(@Nullable String phone) {
		if (phone == null || phone.isEmpty()) {
			return "";
		}
		if (phone.length() < 7) {
			return "*".repeat(phone.length());
		}
		return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
	}

	/** A person's name as a list shows it to someone without the right to see it: 张*, 欧阳** (the first character kept). */
	public static String name(@Nullable String name) {
		if (name == null || name.isBlank()) {
			return "";
		}
		var stripped = name.strip();
		int first = stripped.offsetByCodePoints(0, 1);
		int rest = stripped.codePointCount(first, stripped.length());
		return stripped.substring(0, first) + "*".repeat(Math.max(1, rest));
	}

	/** Whether {@code text} is a phone as {@link #phone} masks it: what an edit form shows of the stored one. */
	public static boolean isMaskedPhone(@Nullable String text) {
		return text != null && MASKED_PHONE.matcher(text).matches();
	}

}
