package org.pomegranate.assessment.workflow;

import org.jspecify.annotations.Nullable;

/** The filters of the assessments list: year, state, purpose and part of the holder's name. */
public record AssessmentQuery(@Nullable Integer year, @Nullable AssessmentState state, @Nullable Purpose purpose,
		@Nullable String text) {

	public static AssessmentQuery all() {
		return new AssessmentQuery(null, null, null, null);
	}

}
