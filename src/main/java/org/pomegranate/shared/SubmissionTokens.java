package org.pomegranate.shared;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes every create form make its record once. A form carries a token made when it was opened
 * ({@link #fresh()}); the service that creates the record claims the token in its own transaction
 * before the insert, and a second submission of the same form (a double click, a resend, a
 * browser retry after an answer lost when the database restarted) finds the record the first one
 * made instead of making another. Two submissions at the same moment meet on the token's primary
 * key: the second waits for the first's transaction and then finds its record.
 */
@Component
public class SubmissionTokens {

	/** How long a form's token remembers its record; a form opened longer ago makes a new one. */
	public static final Duration KEPT = Duration.ofDays(7);

	/** The message a form without a usable token is refused with: it was opened before tokens, or tampered with. */
	public static final String EXPIRED = "submission.error.expired";

	private final JdbcTemplate jdbc;

	SubmissionTokens(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The token for a form being opened. */
	public static UUID fresh() {
		return UUID.randomUUID();
	}

	/**
	 * The token a form sent as a plain request parameter (a multipart form's), or null for one
	 * that is missing or not a token we made: then the claim refuses it as a form without one.
	 */
	public static @Nullable UUID parse(@Nullable String submission) {
		if (submission == null || submission.length() != 36) {
			return null;
		}
		try {
			return UUID.fromString(submission);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * Claims {@code token} for a record of {@code kind} made by the signed-in user. If an earlier
	 * submission of the same form made one, the claim names it and the caller returns that record;
	 * otherwise the caller makes the record and tells the claim {@link Claim#made its id}. A form
	 * without a token, or one whose token was used for another kind or by another user, is refused
	 * form-wide with {@link #EXPIRED}.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Claim claim(@Nullable UUID token, String kind) {
		if (token == null) {
			throw expired();
		}
		var username = RegionScope.currentPrincipal().map(ScopedPrincipal::getUsername).orElse("system");
		int inserted = jdbc.update("insert into submission (token, kind, username) values (?, ?, ?) on conflict (token) do nothing",
				token, kind, username);
		if (inserted == 1) {
			jdbc.update("delete from submission where created_at < now() - make_interval(days => ?)", (int) KEPT.toDays());
			return new Claim(token, null);
		}
		var earlier = jdbc.query("select kind, username, record_id from submission where token = ?",
				(row, n) -> kind.equals(row.getString("kind")) && username.equals(row.getString("username"))
						? row.getString("record_id") : null,
				token);
		var record = earlier.isEmpty() ? null : earlier.get(0);
		if (record == null) {
			throw expired();
		}
		return new Claim(token, record);
	}

	private static InvalidInputException expired() {
		return new InvalidInputException(Map.of("", EXPIRED));
	}

	/** A claimed token: the record an earlier submission made, or the way to name the one made now. */
	public final class Claim {

		private final UUID token;

		private final @Nullable String earlier;

		private Claim(UUID token, @Nullable String earlier) {
			this.token = token;
			this.earlier = earlier;
		}

		/** The id of the record an earlier submission of this form made, if one did. */
		public Optional<String> earlier() {
			return Optional.ofNullable(earlier);
		}

		/** The same as a number, for records with numeric ids. */
		public Optional<Long> earlierId() {
			return earlier().map(Long::valueOf);
		}

		/** Remembers the record this submission made, in the same transaction as its insert. */
		public void made(Object recordId) {
			if (earlier != null) {
				throw new IllegalStateException("Submission " + token + " already made " + earlier);
			}
			jdbc.update("update submission set record_id = ? where token = ?", String.valueOf(recordId), token);
		}

		/**
		 * Forgets the claim of a submission that made no record but commits what it did instead (a
		 * request sent in its place): sent again, the form is decided afresh.
		 */
		public void release() {
			jdbc.update("delete from submission where token = ? and record_id is null", token);
		}

	}

}
