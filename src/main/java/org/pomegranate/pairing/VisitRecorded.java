package org.pomegranate.pairing;

import java.time.LocalDate;

/** A visit to a household was recorded: what other modules may react to once it is committed. */
public record VisitRecorded(long visitId, long householdId, String regionCode, LocalDate visitedOn) {
}
