package org.pomegranate.petition.loop;

import java.util.Locale;

/**
 * A step of the loop, as the timeline shows it and as a user may be allowed or refused it.
 * Labels live in the bundles as {@code PetitionAction.NAME}.
 */
public enum PetitionAction {

	REGISTER, PUSH, ACCEPT, RETURN, PROGRESS, CLOSE, RATE, ARCHIVE, MARK_BACKLOG;

	/** The step whose URL ends in {@code path}. */
	public static PetitionAction ofPath(String path) {
		for (var action : values()) {
			if (action != REGISTER && action.path().equals(path)) {
				return action;
			}
		}
		throw new IllegalArgumentException("No step at " + path);
	}

	/** The last segment of the step's URL, {@code /petitions/{id}/push}. */
	public String path() {
		return this == MARK_BACKLOG ? "backlog" : name().toLowerCase(Locale.ROOT);
	}

}
