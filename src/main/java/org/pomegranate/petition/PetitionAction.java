package org.pomegranate.petition;

import java.util.Locale;

/**
 * A step of the loop, as the timeline shows it and as a user may be allowed or refused it.
 * Labels live in the bundles as {@code PetitionAction.NAME}.
 */
public enum PetitionAction {

	REGISTER, PUSH, ACCEPT, RETURN, PROGRESS, CLOSE, RATE, ARCHIVE, MARK_BACKLOG;

	/** The last segment of the step's URL, {@code /petitions/{id}/push}. */
	public String path() {
		return this == MARK_BACKLOG ? "backlog" : name().toLowerCase(Locale.ROOT);
	}

}
