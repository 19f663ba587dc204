package org.pomegranate.petition;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.pomegranate.petition.loop.PetitionForm;
import org.pomegranate.petition.loop.PetitionSource;
import org.pomegranate.petition.loop.Urgency;

/**
 * A registration form as a test fills it in, naming each field it sets:
 * {@code aPetition().in(village).inCategory(id).titled("房屋漏雨").build()}. By default a walk-in
 * of today, normal urgency, with a fresh token and the user's word that it is no duplicate.
 */
final class PetitionForms {

	private UUID token = UUID.randomUUID();

	private PetitionSource source = PetitionSource.WALK_IN;

	private String petitionerName = "测试群众";

	private String petitionerPhone;

	private String regionCode;

	private Long categoryId;

	private String title = "测试诉求";

	private String description;

	private Urgency urgency = Urgency.NORMAL;

	private LocalDate receivedOn = PetitionFixtures.today();

	private boolean notDuplicate = true;

	private PetitionForms() {
	}

	static PetitionForms aPetition() {
		return new PetitionForms();
	}

	PetitionForms withToken(UUID token) {
		this.token = token;
		return this;
	}

	PetitionForms from(String petitionerName) {
		this.petitionerName = petitionerName;
		return this;
	}

	PetitionForms withPhone(String phone) {
		this.petitionerPhone = phone;
		return this;
	}

	/** The village the petition comes from. */
	PetitionForms in(String village) {
		this.regionCode = village;
		return this;
	}

	PetitionForms inCategory(long categoryId) {
		this.categoryId = categoryId;
		return this;
	}

	PetitionForms titled(String title) {
		this.title = title;
		return this;
	}

	PetitionForms describedAs(String description) {
		this.description = description;
		return this;
	}

	/** Without the user's word that the possible duplicates shown are another matter. */
	PetitionForms maybeADuplicate() {
		this.notDuplicate = false;
		return this;
	}

	PetitionForm build() {
		return new PetitionForm(token, source, null, null, petitionerName, petitionerPhone, regionCode, categoryId, title,
				description, urgency, receivedOn.toString(), notDuplicate, null, null);
	}

	/**
	 * The form as the registration page posts it: every field named as in {@link PetitionForm},
	 * an empty input as an empty value, and the duplicate box only when ticked.
	 */
	Map<String, String> asFields() {
		var fields = new LinkedHashMap<String, String>();
		fields.put("token", token.toString());
		fields.put("source", source.name());
		fields.put("petitionerName", petitionerName);
		fields.put("petitionerPhone", petitionerPhone == null ? "" : petitionerPhone);
		fields.put("regionCode", regionCode);
		fields.put("categoryId", String.valueOf(categoryId));
		fields.put("title", title);
		fields.put("description", description == null ? "" : description);
		fields.put("urgency", urgency.name());
		fields.put("receivedOn", receivedOn.toString());
		if (notDuplicate) {
			fields.put("notDuplicate", "true");
		}
		return fields;
	}

}
