package org.pomegranate.account.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class LoginThrottleTests {

	private final Instant start = Instant.parse("2024-02-05T02:00:00Z");

	@Test
	void theFifthFailureLocksForFifteenMinutes() {
		var throttle = new LoginThrottle("kd_staff");
		for (int failure = 1; failure <= 4; failure++) {
			assertThat(throttle.recordFailure(start.plusSeconds(failure))).isFalse();
		}
		assertThat(throttle.isLocked(start.plusSeconds(4))).isFalse();
		assertThat(throttle.recordFailure(start.plusSeconds(5))).isTrue();
		assertThat(throttle.isLocked(start.plusSeconds(5).plus(Duration.ofMinutes(15)).minusMillis(1))).isTrue();
		assertThat(throttle.isLocked(start.plusSeconds(5).plus(Duration.ofMinutes(15)))).isFalse();
	}

	@Test
	void countingStartsAgainAfterALockHasRunOut() {
		var throttle = new LoginThrottle("kd_staff");
		for (int failure = 1; failure <= 5; failure++) {
			throttle.recordFailure(start);
		}
		var later = start.plus(Duration.ofMinutes(16));
		assertThat(throttle.recordFailure(later)).isFalse();
		assertThat(throttle.getFailures()).isEqualTo(1);
		assertThat(throttle.isLocked(later)).isFalse();
	}

	@Test
	void aSuccessfulLoginClearsTheCount() {
		var throttle = new LoginThrottle("kd_staff");
		throttle.recordFailure(start);
		throttle.recordFailure(start);
		throttle.reset();
		assertThat(throttle.getFailures()).isZero();
	}

}
