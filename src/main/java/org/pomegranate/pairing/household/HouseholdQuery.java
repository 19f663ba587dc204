package org.pomegranate.pairing.household;

import org.pomegranate.pairing.program.PairingStatus;
import org.jspecify.annotations.Nullable;

/**
 * The filters of the household list. {@code text} is part of the head's name or the last four
 * characters of the ID number; {@code regionCode} a village, township or county inside the scope;
 * {@code status} needs a {@code programId}.
 */
public record HouseholdQuery(@Nullable String text, @Nullable String regionCode,
		@Nullable HouseholdCategory category, @Nullable Long programId, @Nullable PairingStatus status) {
}
