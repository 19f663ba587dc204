package org.pomegranate.supervision.inspection;

/** What ordered a rectification; labels in the bundle as {@code RectificationSource.NAME}. */
public enum RectificationSource {

	/** 督查发现的问题. */
	FINDING,
	/** 通报批评: 督促限期整改. */
	NOTICE

}
