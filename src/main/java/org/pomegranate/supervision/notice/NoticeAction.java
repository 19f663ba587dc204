package org.pomegranate.supervision.notice;

import java.util.Locale;

/** The steps of a notice; labels in the bundle as {@code NoticeAction.NAME}. */
public enum NoticeAction {

	EDIT, APPROVE, PUBLISH, RETRACT;

	public String path() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static NoticeAction ofPath(String path) {
		return valueOf(path.toUpperCase(Locale.ROOT));
	}

}
