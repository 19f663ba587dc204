package org.pomegranate.petition.loop;

import org.pomegranate.petition.settings.PetitionCategory;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A new petition's fields once the service has checked the form.
 */
public record PetitionDetails(PetitionSource source, @Nullable Long householdId, @Nullable Long visitId, String petitionerName,
		@Nullable String petitionerPhone, String regionCode, PetitionCategory category, String title,
		@Nullable String description, Urgency urgency, LocalDate receivedOn) {
}
