package org.pomegranate.petition.loop;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.validation.NotFuture;
import org.pomegranate.shared.validation.Phone;
import org.pomegranate.shared.validation.PlainText;
import org.pomegranate.shared.validation.Required;
import org.pomegranate.shared.validation.VillageCode;

/**
 * The registration form as typed (attachments come beside it), with the rules of each field; the
 * service checks the village and the category against the records. {@code token} is made when the
 * form is opened: a second submission of the same form finds the petition the first one made.
 * {@code notDuplicate} is the user's word that the possible duplicates shown are another matter.
 */
@PetitionerGiven
public record PetitionForm(@Nullable UUID token, @NotNull @Nullable PetitionSource source, @Nullable Long householdId,
		@Nullable Long visitId, @PlainText(max = 50) @Nullable String petitionerName,
		@Phone @Nullable String petitionerPhone, @VillageCode @Nullable String regionCode,
		@NotNull(message = "{petition.error.category}") @Nullable Long categoryId,
		@Required @PlainText(max = 100) @Nullable String title,
		@PlainText(max = 2000, multiline = true) @Nullable String description, @NotNull @Nullable Urgency urgency,
		@Required @NotFuture(since = "2000-01-01") @Nullable String receivedOn, @Nullable Boolean notDuplicate,
		@Nullable Long activityId, @Nullable Long findingId) {

	public static PetitionForm empty(LocalDate today) {
		return new PetitionForm(UUID.randomUUID(), PetitionSource.WALK_IN, null, null, "", "", "", null, "", "",
				Urgency.NORMAL, today.toString(), false, null, null);
	}

	public PetitionForm withHousehold(long householdId, String headName, String village) {
		return new PetitionForm(token, source, householdId, visitId, headName, petitionerPhone, village, categoryId, title,
				description, urgency, receivedOn, notDuplicate, activityId, findingId);
	}

	public PetitionForm fromVisit(long visitId, LocalDate visitedOn, @Nullable String findings) {
		return new PetitionForm(token, PetitionSource.HOME_VISIT, householdId, visitId, petitionerName, petitionerPhone,
				regionCode, categoryId, findings == null ? title : firstLine(findings), findings, urgency,
				visitedOn.toString(), notDuplicate, activityId, findingId);
	}

	/**
	 * Raised at an activity of the activities ledger (a question at a 宣讲会): source 宣讲会 for a
	 * publicity session, 其他 for another kind; received on its first day, in its village if it was held in one.
	 */
	public PetitionForm fromActivity(long activityId, boolean publicity, LocalDate startedOn, @Nullable String village) {
		return new PetitionForm(token, publicity ? PetitionSource.TALK : PetitionSource.OTHER, householdId, visitId,
				petitionerName, petitionerPhone, village == null ? regionCode : village, categoryId, title, description,
				urgency, startedOn.toString(), notDuplicate, activityId, findingId);
	}

	/**
	 * Raised from an inspection's finding that really is a citizen's demand: its first line the
	 * title, its text the description, found on the day it was found, in its village if it lies in one.
	 */
	public PetitionForm fromFinding(long findingId, String description, LocalDate foundOn, @Nullable String village) {
		return new PetitionForm(token, PetitionSource.OTHER, householdId, visitId, petitionerName, petitionerPhone,
				village == null ? regionCode : village, categoryId, firstLine(description), description, urgency,
				foundOn.toString(), notDuplicate, activityId, findingId);
	}

	private static String firstLine(String text) {
		var line = text.strip().lines().findFirst().orElse("");
		return line.codePointCount(0, line.length()) > 100 ? line.substring(0, line.offsetByCodePoints(0, 100)) : line;
	}

}
