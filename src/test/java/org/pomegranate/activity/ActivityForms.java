package org.pomegranate.activity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.pomegranate.activity.ledger.ActivityForm;
import org.pomegranate.activity.ledger.ActivityKind;
import org.pomegranate.shared.SubmissionTokens;

/** Builds activity forms for the tests by name: {@code activity(PUBLICITY, "宣讲", village).on(day).participants(40).form()}. */
final class ActivityForms {

	private ActivityKind kind;

	private String title;

	private String regionCode;

	private String startedOn = LocalDate.of(2025, 3, 1).toString();

	private String endedOn = "";

	private String place = "村委会";

	private String destination = "";

	private @Nullable Long unitId;

	private String participants = "40";

	private String cadres = "";

	private String publics = "";

	private String students = "";

	private final List<String> ethnicCodes = new ArrayList<>();

	private final List<String> ethnicCounts = new ArrayList<>();

	private final List<Long> cadreIds = new ArrayList<>();

	private long version;

	private @Nullable UUID submission = SubmissionTokens.fresh();

	private ActivityForms(ActivityKind kind, String title, String regionCode) {
		this.kind = kind;
		this.title = title;
		this.regionCode = regionCode;
	}

	static ActivityForms activity(ActivityKind kind, String title, String regionCode) {
		return new ActivityForms(kind, title, regionCode);
	}

	ActivityForms on(LocalDate day) {
		this.startedOn = day.toString();
		return this;
	}

	ActivityForms until(LocalDate day) {
		this.endedOn = day.toString();
		return this;
	}

	ActivityForms startedOn(String typed) {
		this.startedOn = typed;
		return this;
	}

	ActivityForms participants(int count) {
		return participants(String.valueOf(count));
	}

	ActivityForms participants(String typed) {
		this.participants = typed;
		return this;
	}

	ActivityForms groups(int cadreCount, int publicCount, int studentCount) {
		this.cadres = String.valueOf(cadreCount);
		this.publics = String.valueOf(publicCount);
		this.students = String.valueOf(studentCount);
		return this;
	}

	ActivityForms ethnicGroup(String code, String count) {
		ethnicCodes.add(code);
		ethnicCounts.add(count);
		return this;
	}

	ActivityForms destination(String typed) {
		this.destination = typed;
		return this;
	}

	ActivityForms unit(long id) {
		this.unitId = id;
		return this;
	}

	ActivityForms cadre(long id) {
		cadreIds.add(id);
		return this;
	}

	ActivityForms kind(ActivityKind other) {
		this.kind = other;
		return this;
	}

	ActivityForms region(String code) {
		this.regionCode = code;
		return this;
	}

	ActivityForms version(long seen) {
		this.version = seen;
		return this;
	}

	ActivityForms token(@Nullable UUID token) {
		this.submission = token;
		return this;
	}

	ActivityForm form() {
		return new ActivityForm(kind, title, startedOn, endedOn, regionCode, place, destination, unitId, participants,
				cadres, publics, students, List.copyOf(ethnicCodes), List.copyOf(ethnicCounts), List.copyOf(cadreIds), "",
				version, submission);
	}

}
