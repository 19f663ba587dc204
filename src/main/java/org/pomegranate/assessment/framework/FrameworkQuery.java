package org.pomegranate.assessment.framework;

import org.jspecify.annotations.Nullable;

/** The filters of the framework list: a kind and a state, each optional. */
public record FrameworkQuery(@Nullable FrameworkKind kind, @Nullable FrameworkState state) {

	public static FrameworkQuery all() {
		return new FrameworkQuery(null, null);
	}

}
