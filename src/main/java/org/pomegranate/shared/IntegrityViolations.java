package org.pomegranate.shared;

import java.sql.SQLException;
import java.util.Optional;

import org.postgresql.util.PSQLException;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * What the database refused, read from PostgreSQL's own answer (its {@code ServerErrorMessage}):
 * the name of the constraint or unique index, so that each refusal gets its own message and a
 * refusal nobody foresaw is not mistaken for a known one.
 */
public final class IntegrityViolations {

	/** PostgreSQL's SQLSTATE for a unique index or constraint. */
	private static final String UNIQUE_VIOLATION = "23505";

	private IntegrityViolations() {
	}

	/** The constraint or unique index that refused the write, if PostgreSQL named one. */
	public static Optional<String> constraint(DataIntegrityViolationException ex) {
		return serverError(ex).map(PSQLException::getServerErrorMessage).map(message -> message.getConstraint());
	}

	/** Refused by exactly this constraint or unique index. */
	public static boolean violates(DataIntegrityViolationException ex, String constraint) {
		return constraint(ex).filter(constraint::equals).isPresent();
	}

	/** A second row with the same key, rather than a check or a reference that failed. */
	public static boolean isDuplicate(DataIntegrityViolationException ex) {
		return serverError(ex).map(PSQLException::getSQLState).filter(UNIQUE_VIOLATION::equals).isPresent();
	}

	private static Optional<PSQLException> serverError(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
				return Optional.of(psql);
			}
			if (cause instanceof SQLException sql && sql.getNextException() instanceof PSQLException next
					&& next.getServerErrorMessage() != null) {
				return Optional.of(next);
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return Optional.empty();
	}

}
