package org.pomegranate.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The campaign's dates are China's: instants are stored in UTC, days are counted in Asia/Shanghai
 * whatever the server's time zone.
 */
public final class ChinaTime {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private ChinaTime() {
	}

	public static LocalDate today(Clock clock) {
		return LocalDate.now(clock.withZone(ZONE));
	}

}
