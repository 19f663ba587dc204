package org.pomegranate.pairing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Small rules the pairing services share: text clean-up, phones, today's date in China.
 */
final class PairingRules {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");

	private PairingRules() {
	}

	static LocalDate today(Clock clock) {
		return LocalDate.now(clock.withZone(CHINA));
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

	static boolean validPhone(@Nullable String phone) {
		return phone == null || PHONE.matcher(phone).matches();
	}

}
