package org.pomegranate.assessment.workflow;

import org.jspecify.annotations.Nullable;

/**
 * The filters of the assessments list: year, state, purpose, part of the holder's name, the
 * region below which the holder lies (the overview's drill-down; with {@code exact}, the holders
 * of that region itself only) and the confirmed verdict ({@code passed}: true 达标, false 未达标;
 * the overview's pass and fail counts link here).
 */
public record AssessmentQuery(@Nullable Integer year, @Nullable AssessmentState state, @Nullable Purpose purpose,
		@Nullable String text, @Nullable String region, boolean exact, @Nullable Boolean passed) {

	public AssessmentQuery(@Nullable Integer year, @Nullable AssessmentState state, @Nullable Purpose purpose,
			@Nullable String text) {
		this(year, state, purpose, text, null, false, null);
	}

	public static AssessmentQuery all() {
		return new AssessmentQuery(null, null, null, null);
	}

}
