package org.pomegranate.figures;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What a {@link FigureSource} is asked for: a region in the user's scope, a period, the pairing
 * program chosen on the dashboard (null: the source's default), whether only the figures of
 * the period are wanted (for a comparison period, where standing figures would repeat), and
 * the day it is asked on (in China), which tells a past period from the current one.
 */
public record FigureQuery(String regionCode, Period period, @Nullable Long program, boolean periodOnly, LocalDate today) {

	public FigureQuery of(Period other) {
		return new FigureQuery(regionCode, other, program, true, today);
	}

	public FigureQuery in(String otherRegion) {
		return new FigureQuery(otherRegion, period, program, periodOnly, today);
	}

	/** The day standing figures (coverage) are counted as of: the period's last day, or today while it runs. */
	public LocalDate standingOn() {
		return period.standingOn(today);
	}

}
