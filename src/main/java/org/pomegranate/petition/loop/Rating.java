package org.pomegranate.petition.loop;

import java.util.EnumSet;
import java.util.Set;

/**
 * The citizen's rating at the return visit (回访, 群众评单). 不满意 reopens the petition.
 */
public enum Rating {

	SATISFIED, BASICALLY_SATISFIED, DISSATISFIED;

	/** What the satisfaction rate counts; SQL's twin is {@code petition_satisfied(rating)}. */
	static final Set<Rating> SATISFACTORY = EnumSet.of(SATISFIED, BASICALLY_SATISFIED);

	public boolean isSatisfied() {
		return SATISFACTORY.contains(this);
	}

}
