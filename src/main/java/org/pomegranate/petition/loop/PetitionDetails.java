package org.pomegranate.petition.loop;

import org.pomegranate.petition.settings.PetitionCategory;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A new petition's fields once the service has checked the form; {@code activityId}: the activity it was raised at;
 * {@code findingId}: the inspection's finding it was raised from.
 */
public record PetitionDetails(PetitionSource source, @Nullable Long householdId, @Nullable Long visitId, String petitionerName,
		@Nullable String petitionerPhone, String regionCode, PetitionCategory category, String title,
		@Nullable String description, Urgency urgency, LocalDate receivedOn, @Nullable Long activityId,
		@Nullable Long findingId) {

	/** A petition raised at no activity. */
	public PetitionDetails(PetitionSource source, @Nullable Long householdId, @Nullable Long visitId, String petitionerName,
			@Nullable String petitionerPhone, String regionCode, PetitionCategory category, String title,
			@Nullable String description, Urgency urgency, LocalDate receivedOn) {
		this(source, householdId, visitId, petitionerName, petitionerPhone, regionCode, category, title, description,
				urgency, receivedOn, null, null);
	}

}
