package org.pomegranate.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.jspecify.annotations.Nullable;

/**
 * A share in percent as every page, export and report writes it: rounded half up to one decimal
 * (37 of 60 is 61.7 %, not 61.6 %), and no value at all where there is nothing to share (no
 * target households is not 100 % covered, no rated petition is not 0 % satisfied). A spreadsheet
 * stores the exact {@link #ratio} instead and lets its percentage format show it.
 */
public final class Percent {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private Percent() {
	}

	/** {@code part} of {@code whole} in percent, one decimal, half up; null when {@code whole} is 0. */
	public static @Nullable Double of(long part, long whole) {
		if (whole == 0) {
			return null;
		}
		return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP)
			.doubleValue();
	}

	/**
	 * {@code part} of {@code whole} as the exact ratio a spreadsheet cell stores (43 of 144 is
	 * 0.29861…, shown as 29.9% by the cell's {@code 0.0%} format); null when {@code whole} is 0.
	 */
	public static @Nullable Double ratio(long part, long whole) {
		return whole == 0 ? null : (double) part / whole;
	}

}
