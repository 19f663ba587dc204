package org.pomegranate.figures;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.Percent;

/**
 * One named figure of a region: a count or a percentage, which way is better, and whether it
 * counts the period or stands as of a day ({@code asOf}: coverage at the period's end, open
 * backlog cases today), in which case it has no change against another period. {@code value} is
 * null where it means nothing (a satisfaction rate with no rating); a percentage's {@code value}
 * is rounded as pages show it ({@link Percent#of}), its {@code ratio} exact as a spreadsheet
 * stores it ({@link Percent#ratio}). {@code key} is a message key ({@code figure.…}) and the JSON name.
 */
public record KeyFigure(String key, @Nullable Double value, Unit unit, Better better, @Nullable Double ratio,
		@Nullable LocalDate asOf) {

	public enum Unit {
		COUNT, PERCENT
	}

	/** Which way a figure should move; the ranking flags the weakest regions on the directed ones. */
	public enum Better {
		HIGHER, LOWER, NEITHER
	}

	public static KeyFigure count(String key, long value, Better better) {
		return new KeyFigure(key, (double) value, Unit.COUNT, better, null, null);
	}

	/** {@code part} of {@code whole}; no value where {@code whole} is 0. */
	public static KeyFigure percent(String key, long part, long whole, Better better) {
		return new KeyFigure(key, Percent.of(part, whole), Unit.PERCENT, better, Percent.ratio(part, whole), null);
	}

	/** The same figure, standing as of {@code day} rather than counting the period. */
	public KeyFigure standingOn(LocalDate day) {
		return new KeyFigure(key, value, unit, better, ratio, day);
	}

	/** Whether it stands as of a day rather than counting the period. */
	public boolean standing() {
		return asOf != null;
	}

	/** The day it stands at as documents write it (2024年2月29日); null for a figure of the period. */
	public @Nullable String asOfLabel() {
		return asOf == null ? null : Period.day(asOf);
	}

	/** The value as a report writes it: 27226, 96.5%. */
	public String text() {
		if (value == null) {
			return "—";
		}
		return unit == Unit.PERCENT ? String.format("%.1f%%", value) : String.valueOf(value.longValue());
	}

}
