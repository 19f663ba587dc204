package org.pomegranate.petition.loop;

/**
 * The citizen's rating at the return visit (回访, 群众评单). 不满意 reopens the petition.
 */
public enum Rating {

	SATISFIED, BASICALLY_SATISFIED, DISSATISFIED;

	public boolean isSatisfied() {
		return this != DISSATISFIED;
	}

}
