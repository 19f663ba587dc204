package org.pomegranate.pairing;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.pomegranate.pairing.cadre.CadreLevel;
import org.pomegranate.pairing.household.HouseholdCategory;
import org.pomegranate.pairing.program.ProgramForm;
import org.pomegranate.shared.SubmissionTokens;

/**
 * A pairing-program form as a test fills it in, naming each field it sets:
 * {@code aProgram().named("覆盖测试计划").targeting(DISABLED).forLevels(GENERAL).households(2, 3).build()}.
 * By default an active program of 九龙县 for 残疾人家庭 and ordinary cadres, 0 to 5 households
 * each, visited every 30 days.
 */
final class ProgramForms {

	private String name = "测试计划";

	private String regionCode = PairingFixtures.COUNTY;

	private List<HouseholdCategory> targets = List.of(HouseholdCategory.DISABLED);

	private List<CadreLevel> levels = List.of(CadreLevel.GENERAL);

	private int minHouseholds;

	private int maxHouseholds = 5;

	private int visitIntervalDays = 30;

	private boolean counterpartSupport;

	private String partnerRegions = "";

	private @Nullable UUID submission;

	private ProgramForms() {
	}

	static ProgramForms aProgram() {
		return new ProgramForms();
	}

	ProgramForms named(String name) {
		this.name = name;
		return this;
	}

	ProgramForms targeting(HouseholdCategory... targets) {
		this.targets = List.of(targets);
		return this;
	}

	ProgramForms forLevels(CadreLevel... levels) {
		this.levels = List.of(levels);
		return this;
	}

	/** Each cadre holds at least {@code min} and at most {@code max} households. */
	ProgramForms households(int min, int max) {
		this.minHouseholds = min;
		this.maxHouseholds = max;
		return this;
	}

	ProgramForms visitedEvery(int days) {
		this.visitIntervalDays = days;
		return this;
	}

	/** Of {@code regionCode} instead of 九龙县. */
	ProgramForms in(String regionCode) {
		this.regionCode = regionCode;
		return this;
	}

	/** A counterpart-support program (对口支援) taking cadres of the partner regions too. */
	ProgramForms supportedBy(String... partnerRegions) {
		this.counterpartSupport = true;
		this.partnerRegions = String.join(" ", partnerRegions);
		return this;
	}

	/** The form's one-time token, to send the same form again; by default each built form has a new one. */
	ProgramForms submittedAs(UUID submission) {
		this.submission = submission;
		return this;
	}

	ProgramForm build() {
		return new ProgramForm(name, regionCode, targets, levels, String.valueOf(minHouseholds),
				String.valueOf(maxHouseholds), String.valueOf(visitIntervalDays), true, counterpartSupport, partnerRegions, 0L,
				submission == null ? SubmissionTokens.fresh() : submission);
	}

}
