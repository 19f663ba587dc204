package org.pomegranate.pairing.program;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.FormText;

/**
 * Small rules the pairing services share: text clean-up, phones, numbers and dates as typed.
 */
public final class PairingRules {

	private PairingRules() {
	}

	/** Trimmed text, or null when blank. */
	public static @Nullable String clean(@Nullable String text) {
		return FormText.clean(text);
	}

	public static boolean tooLong(@Nullable String text, int max) {
		return FormText.tooLong(text, max);
	}

	/** A mobile (13812341234) or landline (0836-2812345) number, spaces and full-width digits allowed. */
	public static @Nullable String phone(@Nullable String raw) {
		return FormText.phone(raw);
	}

	/** A whole number as typed (full-width digits allowed), or null when it is not one. */
	public static @Nullable Integer wholeNumber(@Nullable String raw) {
		return FormText.wholeNumber(raw);
	}

	/** An amount of money as typed; empty is zero, anything else not a number is null. */
	static @Nullable BigDecimal amount(@Nullable String raw) {
		var text = FormText.digits(raw);
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
		return FormText.date(raw);
	}

}
