package org.pomegranate.account.mfa;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.jspecify.annotations.Nullable;

/**
 * One user's TOTP authenticator, stored once the user confirmed its secret with a first code (a
 * secret being enrolled stays in the HTTP session that drew it). It
 * guards itself against replay (a code of a time step already used is refused) and guessing
 * (five wrong codes lock it for 15 minutes, as five wrong passwords lock a name).
 */
@Entity
@Table(name = "second_factor")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class SecondFactor {

	static final int MAX_FAILURES = 5;

	static final Duration LOCK_DURATION = Duration.ofMinutes(15);

	@Id
	private Long userId;

	private String secret;

	private @Nullable Instant confirmedAt;

	private long lastUsedStep;

	private int failures;

	private @Nullable Instant lockedUntil;

	private Instant createdAt;

	SecondFactor(long userId, String secret, Instant now) {
		this.userId = userId;
		this.secret = secret;
		this.createdAt = now;
	}

	/** What became of a code offered to the authenticator. */
	enum Outcome {
		ACCEPTED, WRONG, REPLAYED, LOCKED;

		boolean accepted() {
			return this == ACCEPTED;
		}
	}

	boolean isActive() {
		return confirmedAt != null;
	}

	boolean isLocked(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	/**
	 * The first code of a new secret, checked with this authenticator's guards. Accepted, the new
	 * secret takes the place of the old one, which worked until this moment.
	 */
	Outcome confirmNewSecret(String newSecret, OptionalLong matchingStep, Instant now) {
		var outcome = offer(matchingStep, now);
		if (outcome.accepted()) {
			this.secret = newSecret;
			this.confirmedAt = now;
			this.createdAt = now;
		}
		return outcome;
	}

	/**
	 * Checks a code; {@code matchingStep} is the time step whose code it is, if any. Accepting it
	 * uses up that step and every earlier one.
	 */
	Outcome offer(OptionalLong matchingStep, Instant now) {
		if (isLocked(now)) {
			return Outcome.LOCKED;
		}
		if (matchingStep.isEmpty()) {
			return fail(Outcome.WRONG, now);
		}
		if (matchingStep.getAsLong() <= lastUsedStep) {
			return fail(Outcome.REPLAYED, now);
		}
		lastUsedStep = matchingStep.getAsLong();
		succeed();
		return Outcome.ACCEPTED;
	}

	/** A recovery code stood in for the authenticator. */
	Outcome recoveryCode(boolean matched, Instant now) {
		if (isLocked(now)) {
			return Outcome.LOCKED;
		}
		if (!matched) {
			return fail(Outcome.WRONG, now);
		}
		succeed();
		return Outcome.ACCEPTED;
	}

	/** Whether the last failure locked the authenticator. */
	boolean lockedAt(Instant now) {
		return isLocked(now) && failures >= MAX_FAILURES;
	}

	private Outcome fail(Outcome outcome, Instant now) {
		if (lockedUntil != null && !lockedUntil.isAfter(now)) {
			failures = 0;
			lockedUntil = null;
		}
		failures++;
		if (failures >= MAX_FAILURES) {
			lockedUntil = now.plus(LOCK_DURATION);
		}
		return outcome;
	}

	private void succeed() {
		failures = 0;
		lockedUntil = null;
	}

}
