package org.pomegranate.activity.ledger;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * An activity's fields once the service has checked the form against the records: the region in
 * scope, the unit and the cadres found, the ethnic groups known. {@code ethnicGroups}: participants
 * by GB/T 3304 code, in the standard's order.
 */
public record ActivityDetails(ActivityKind kind, String title, LocalDate startedOn, LocalDate endedOn, String regionCode,
		@Nullable String place, @Nullable String destination, @Nullable Long unitId, int participants,
		@Nullable Integer cadreParticipants, @Nullable Integer publicParticipants, @Nullable Integer studentParticipants,
		Map<String, Integer> ethnicGroups, Set<Long> cadreIds, @Nullable String summary) {

	public ActivityDetails {
		ethnicGroups = Map.copyOf(ethnicGroups);
		cadreIds = Set.copyOf(cadreIds);
	}

}
