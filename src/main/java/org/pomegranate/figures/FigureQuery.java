package org.pomegranate.figures;

import org.jspecify.annotations.Nullable;

/**
 * What a {@link FigureSource} is asked for: a region in the user's scope, a period, the pairing
 * program chosen on the dashboard (null: the source's default), and whether only the figures of
 * the period are wanted (for a comparison period, where figures as of today would repeat).
 */
public record FigureQuery(String regionCode, Period period, @Nullable Long program, boolean periodOnly) {

	public FigureQuery of(Period other) {
		return new FigureQuery(regionCode, other, program, true);
	}

	public FigureQuery in(String otherRegion) {
		return new FigureQuery(otherRegion, period, program, periodOnly);
	}

}
