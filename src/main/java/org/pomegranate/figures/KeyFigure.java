package org.pomegranate.figures;

import org.jspecify.annotations.Nullable;

/**
 * One named figure of a region: a count or a percentage, which way is better, and whether it
 * counts the period or stands as of today (coverage, open backlog cases), in which case it has
 * no change against another period. {@code value} is null where it means nothing (a satisfaction
 * rate with no rating). {@code key} is a message key ({@code figure.…}) and the JSON name.
 */
public record KeyFigure(String key, @Nullable Double value, Unit unit, Better better, boolean asOfToday) {

	public enum Unit {
		COUNT, PERCENT
	}

	/** Which way a figure should move; the ranking flags the weakest regions on the directed ones. */
	public enum Better {
		HIGHER, LOWER, NEITHER
	}

	public static KeyFigure count(String key, long value, Better better) {
		return new KeyFigure(key, (double) value, Unit.COUNT, better, false);
	}

	public static KeyFigure percent(String key, @Nullable Double value, Better better) {
		return new KeyFigure(key, value, Unit.PERCENT, better, false);
	}

	public KeyFigure standingToday() {
		return new KeyFigure(key, value, unit, better, true);
	}

	/** The value as a report writes it: 27226, 96.5%. */
	public String text() {
		if (value == null) {
			return "—";
		}
		return unit == Unit.PERCENT ? String.format("%.1f%%", value) : String.valueOf(value.longValue());
	}

}
