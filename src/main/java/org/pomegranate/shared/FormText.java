package org.pomegranate.shared;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Text as a form typed it, for the form constraints that judge it and the services that then
 * read it: trimmed, measured in characters
 * as a person counts them (an emoji or a full-width character is one), phones and dates in the
 * forms Chinese input methods produce. Emoji, full-width and Tibetan text are legitimate and
 * kept as typed; only control characters, which nobody types, are refused.
 */
public final class FormText {

	private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");

	private FormText() {
	}

	/** Trimmed text, or null when blank. */
	public static @Nullable String clean(@Nullable String text) {
		if (text == null) {
			return null;
		}
		var stripped = text.strip();
		return stripped.isEmpty() ? null : stripped;
	}

	/** Longer than {@code max} characters, counted in code points. */
	public static boolean tooLong(@Nullable String text, int max) {
		return text != null && text.codePointCount(0, text.length()) > max;
	}

	/**
	 * Holds a control character: on one line anything below U+0020 or DEL; in a multi-line text
	 * the same except line breaks and tabs.
	 */
	public static boolean hasControlCharacters(@Nullable String text, boolean multiLine) {
		return text != null && text.codePoints()
			.anyMatch(c -> Character.getType(c) == Character.CONTROL
					&& !(multiLine && (c == '\n' || c == '\r' || c == '\t')));
	}

	/** A mobile (13812341234) or landline (0836-2812345) number, spaces and full-width digits allowed. */
	public static @Nullable String phone(@Nullable String raw) {
		var text = clean(raw);
		if (text == null) {
			return null;
		}
		var builder = new StringBuilder();
		text.codePoints().forEach(c -> {
			if (c >= '０' && c <= '９') {
				builder.append((char) (c - '０' + '0'));
			}
			else if (c == '－') {
				builder.append('-');
			}
			else if (c != ' ' && c != '　') {
				builder.appendCodePoint(c);
			}
		});
		return builder.toString();
	}

	public static boolean validPhone(@Nullable String phone) {
		return phone == null || PHONE.matcher(phone).matches();
	}

	/** A date as the date field sends it (2024-02-05), or null. */
	public static @Nullable LocalDate date(@Nullable String raw) {
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

	/** Full-width digits and points as ASCII, for numbers typed with a Chinese input method. */
	public static @Nullable String digits(@Nullable String raw) {
		var text = clean(raw);
		if (text == null) {
			return null;
		}
		var builder = new StringBuilder();
		text.codePoints().forEach(c -> builder.appendCodePoint(c >= '０' && c <= '９' ? c - '０' + '0' : c == '．' ? '.' : c));
		return builder.toString();
	}

	/** A whole number as typed (full-width digits allowed), or null when it is not one. */
	public static @Nullable Integer wholeNumber(@Nullable String raw) {
		var text = digits(raw);
		if (text == null || !text.matches("-?\\d{1,9}")) {
			return null;
		}
		return Integer.valueOf(text);
	}

}
