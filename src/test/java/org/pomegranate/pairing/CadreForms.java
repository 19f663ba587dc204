package org.pomegranate.pairing;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.pomegranate.pairing.cadre.CadreForm;
import org.pomegranate.pairing.cadre.CadreLevel;
import org.pomegranate.pairing.household.Gender;
import org.pomegranate.shared.SubmissionTokens;

/**
 * A cadre form as a test fills it in, naming each field it sets:
 * {@code aCadre().named("干部一").atLevel(CadreLevel.GENERAL).build()}. By default an ordinary cadre
 * (一般干部) of 九龙县民宗局 in 测试乡.
 */
final class CadreForms {

	private String name = "测试干部";

	private CadreLevel level = CadreLevel.GENERAL;

	private String regionCode = PairingFixtures.TOWNSHIP;

	private String workUnit = "九龙县民宗局";

	private String phone = "13912345678";

	private @Nullable UUID submission;

	private CadreForms() {
	}

	static CadreForms aCadre() {
		return new CadreForms();
	}

	CadreForms named(String name) {
		this.name = name;
		return this;
	}

	CadreForms atLevel(CadreLevel level) {
		this.level = level;
		return this;
	}

	/** The region the cadre works in. */
	CadreForms in(String regionCode) {
		this.regionCode = regionCode;
		return this;
	}

	CadreForms workingAt(String workUnit) {
		this.workUnit = workUnit;
		return this;
	}

	CadreForms withPhone(String phone) {
		this.phone = phone;
		return this;
	}

	/** The form's one-time token, to send the same form again; by default each built form has a new one. */
	CadreForms submittedAs(UUID submission) {
		this.submission = submission;
		return this;
	}

	CadreForm build() {
		return new CadreForm(name, Gender.FEMALE, "04", workUnit, "干部", level, regionCode, phone, 0L,
				submission == null ? SubmissionTokens.fresh() : submission);
	}

}
