package org.pomegranate.shared;

import java.util.List;
import java.util.Optional;

/**
 * A line a module puts on the home page of the users it concerns (a reviewer's evaluations under
 * way), with a link. The home page gathers every bean of this type, so that the module adds its
 * line by declaring one, not by the home page calling into it.
 */
public interface HomeNotice {

	/** The notice for the signed-in user; empty when nothing concerns them. */
	Optional<Notice> forCurrentUser();

	/** {@code messageKey} with its {@code arguments}, and a link labelled {@code linkKey}. */
	record Notice(String messageKey, List<Object> arguments, String linkKey, String href) {

		public Notice {
			arguments = List.copyOf(arguments);
		}

		public Object[] argumentArray() {
			return arguments.toArray();
		}

	}

}
