package org.pomegranate.shared;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Optimistic locking for edits made in a form: the form carries the version it was opened at,
 * and an edit of a record changed since then is refused rather than silently overwriting.
 */
public final class StaleEdits {

	private StaleEdits() {
	}

	/** A form without its version cannot show it saw the latest record: it is treated as stale. */
	public static long versionOf(@Nullable Long submitted) {
		return submitted == null ? -1 : submitted;
	}

	public static void requireVersion(long current, long submitted, String entityType, Object id) {
		if (current != submitted) {
			throw new OptimisticLockingFailureException(
					entityType + " " + id + " changed since the form was opened (version " + submitted + " → " + current + ")");
		}
	}

}
