package org.pomegranate.pairing.program;

import org.jspecify.annotations.Nullable;

/**
 * The filters of the pairing list. {@code status} is PAIRED (active), OVERDUE or ENDED.
 */
public record PairingQuery(@Nullable Long programId, @Nullable String regionCode, @Nullable String text,
		@Nullable PairingStatus status, @Nullable Long cadreId) {
}
