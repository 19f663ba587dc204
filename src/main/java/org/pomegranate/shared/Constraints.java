package org.pomegranate.shared;

import org.hibernate.exception.ConstraintViolationException;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Which database constraint refused a write, by its name: a service that owns the constraint
 * turns a race lost on it into its own message, and lets any other violation through.
 */
public final class Constraints {

	private Constraints() {
	}

	public static boolean violated(DataIntegrityViolationException ex, String constraint) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConstraintViolationException violation
					&& constraint.equalsIgnoreCase(violation.getConstraintName())) {
				return true;
			}
		}
		return false;
	}

}
