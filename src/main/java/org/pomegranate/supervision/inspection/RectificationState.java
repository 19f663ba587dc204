package org.pomegranate.supervision.inspection;

import java.util.EnumSet;
import java.util.Set;

/** Where a rectification stands; labels in the bundle as {@code RectificationState.NAME}. */
public enum RectificationState {

	/** 待整改: ordered, waiting for the responsible side's report. */
	OPEN,
	/** 已报送: measures reported, waiting for the inspector side's verification. */
	REPORTED,
	/** 未通过: verification failed; back to the responsible side with a new deadline. */
	RETURNED,
	/** 已通过: verified as rectified; closed. */
	VERIFIED;

	/**
	 * Waiting for a report, the deadline running: named once here and once in SQL
	 * ({@code rectification_overdue} in {@code R__supervision_inspection.sql}).
	 */
	public static final Set<RectificationState> AWAITING_REPORT = EnumSet.of(OPEN, RETURNED);

	public boolean isOpen() {
		return this != VERIFIED;
	}

}
