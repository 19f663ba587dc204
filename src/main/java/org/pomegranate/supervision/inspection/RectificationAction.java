package org.pomegranate.supervision.inspection;

import java.util.Locale;

/** The steps of a rectification; labels in the bundle as {@code RectificationAction.NAME}. */
public enum RectificationAction {

	/** Ordered: by a finding or a published criticism. Never a user's step. */
	OPEN,
	/** 报送整改情况: the responsible side reports its measures and evidence. */
	REPORT,
	/** 验收通过. */
	PASS,
	/** 验收未通过: back with a new deadline. */
	FAIL;

	/** The step's URL segment: {@code report}, {@code pass}, {@code fail}. */
	public String path() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static RectificationAction ofPath(String path) {
		return valueOf(path.toUpperCase(Locale.ROOT));
	}

}
