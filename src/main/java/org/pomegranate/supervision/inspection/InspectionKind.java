package org.pomegranate.supervision.inspection;

/** The kinds of inspection (督查); labels in the bundle as {@code InspectionKind.NAME}. */
public enum InspectionKind {

	/** 专项督查. */
	SPECIAL,
	/** 跟踪督查: following up earlier findings. */
	FOLLOW_UP,
	/** 回访抽查: a random follow-up check of a title, optionally linked to it. */
	RECHECK,
	/** 互观互检: mutual inspection by peers. */
	MUTUAL

}
