package org.pomegranate.account.signin;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.jspecify.annotations.Nullable;

/**
 * Failed logins for one user name, whether or not an account has that name.
 */
@Entity
@Table(name = "login_throttle")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class LoginThrottle {

	static final int MAX_FAILURES = 5;

	static final Duration LOCK_DURATION = Duration.ofMinutes(15);

	@Id
	private String username;

	private int failures;

	private @Nullable Instant lastFailureAt;

	private @Nullable Instant lockedUntil;

	LoginThrottle(String username) {
		this.username = username;
	}

	boolean isLocked(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	/** Counts a failure; returns true when this failure locks the name. */
	boolean recordFailure(Instant now) {
		if (lockedUntil != null && !lockedUntil.isAfter(now)) {
			failures = 0;
			lockedUntil = null;
		}
		failures++;
		lastFailureAt = now;
		if (failures >= MAX_FAILURES) {
			lockedUntil = now.plus(LOCK_DURATION);
			return true;
		}
		return false;
	}

	void reset() {
		failures = 0;
		lockedUntil = null;
	}

}
