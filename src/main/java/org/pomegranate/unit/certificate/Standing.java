package org.pomegranate.unit.certificate;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.pomegranate.unit.naming.NamingState;

/** A title's state as of a day: a live title past its last day reads as 已到期, whatever is stored. */
public final class Standing {

	private Standing() {
	}

	public static NamingState asOf(NamingState stored, @Nullable LocalDate validUntil, LocalDate day) {
		return stored.isLive() && validUntil != null && validUntil.isBefore(day) ? NamingState.EXPIRED : stored;
	}

}
