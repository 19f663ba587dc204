package org.pomegranate.supervision.notice;

/** 通报表扬 or 通报批评; labels in the bundle as {@code NoticeKind.NAME}. */
public enum NoticeKind {

	PRAISE, CRITICISM

}
