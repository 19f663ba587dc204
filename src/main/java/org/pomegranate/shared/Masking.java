package org.pomegranate.shared;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Personal data as lists, exports and logs show it: {@code 513301********0011} for an identity
 * number, {@code 138****1234} for a phone. The full value is shown only on request, audited.
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

	/** Whether {@code text} is a phone as {@link #phone} masks it: what an edit form shows of the stored one. */
	public static boolean isMaskedPhone(@Nullable String text) {
		return text != null && MASKED_PHONE.matcher(text).matches();
	}

}
