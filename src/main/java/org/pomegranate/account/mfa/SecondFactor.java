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
 * One user's TOTP authenticator: pending until the user confirms it with a code, then active. It
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

	/** A new secret to confirm; the old one stops working at once. */
	void replaceSecret(String newSecret, Instant now) {
		this.secret = newSecret;
		this.confirmedAt = null;
		this.createdAt = now;
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

	/** The code confirmed a pending authenticator: from now on sign-in asks for it. */
	void confirm(Instant now) {
		if (isActive()) {
			throw new IllegalStateException("Already confirmed");
		}
		confirmedAt = now;
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
