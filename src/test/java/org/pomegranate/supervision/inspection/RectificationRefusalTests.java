package org.pomegranate.supervision.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pomegranate.account.Role;
import org.pomegranate.shared.BusinessRuleException;

/**
 * The rectification loop in the aggregate alone, for every state × step × kind of user: {@link
 * Rectification#refusal} answers what the oracle below, written from issue 13, says, and the step
 * agrees — allowed, it moves the rectification on and records the step; refused, it throws that
 * message key and changes nothing. Each rectification reaches its state through the aggregate's steps.
 */
class RectificationRefusalTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 4, 20);

	/** Ordered by 甘孜州 of 康定市. */
	private static final String ISSUING = "5133";

	private static final String RESPONSIBLE = "513301";

	private static final Properties MESSAGES = messages();

	/** The kinds of user the oracle tells apart. */
	enum Who {

		COUNTY_STAFF("kd_staff", Role.STAFF, "513301"), COUNTY_ADMIN("kd_admin", Role.ADMIN, "513301"),
		COUNTY_SUPERVISOR("kd_supervisor", Role.SUPERVISOR, "513301"), TOWNSHIP_STAFF("lc_staff", Role.STAFF, "513301001"),
		OTHER_COUNTY_STAFF("ld_staff", Role.STAFF, "513322"), PREFECTURE_ADMIN("gz_admin", Role.ADMIN, "5133"),
		PREFECTURE_SUPERVISOR("gz_supervisor", Role.SUPERVISOR, "5133"), PROVINCE_SUPERVISOR("sc_supervisor", Role.SUPERVISOR, "51"),
		REVIEWER("gz_reviewer", Role.REVIEWER, "5133");

		final Actor actor;

		Who(String username, Role role, String region) {
			this.actor = new Actor(username, username, role, region);
		}

		/** Of the responsible side: its region is the responsible one or above it, but not the issuing side. */
		boolean responsibleSide() {
			return actor.regionCode().startsWith("513301") && actor.regionCode().length() <= RESPONSIBLE.length();
		}

		/** Of the issuing side: its region is the issuing one or above it. */
		boolean issuingSide() {
			return ISSUING.startsWith(actor.regionCode());
		}

	}

	/**
	 * The rules: the responsible side (staff and admins of the responsible region) reports
	 * while the rectification waits for a report; the inspector side (supervisors and admins of the
	 * issuing region or above) verifies a report, 通过 or 未通过; nobody orders one by hand.
	 */
	static boolean allowed(RectificationState state, RectificationAction action, Who who) {
		var role = who.actor.role();
		return switch (action) {
			case OPEN -> false;
			case REPORT -> (state == RectificationState.OPEN || state == RectificationState.RETURNED)
					&& (role == Role.STAFF || role == Role.ADMIN) && who.responsibleSide();
			case PASS, FAIL -> state == RectificationState.REPORTED && (role == Role.SUPERVISOR || role == Role.ADMIN)
					&& who.issuingSide();
		};
	}

	static RectificationState stateAfter(RectificationAction action) {
		return switch (action) {
			case REPORT -> RectificationState.REPORTED;
			case PASS -> RectificationState.VERIFIED;
			case FAIL -> RectificationState.RETURNED;
			case OPEN -> throw new IllegalArgumentException();
		};
	}

	static Stream<Arguments> grid() {
		var cases = new ArrayList<Arguments>();
		for (var state : RectificationState.values()) {
			for (var action : RectificationAction.values()) {
				for (var who : Who.values()) {
					cases.add(Arguments.of(state, action, who));
				}
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} {1} by {2}")
	@MethodSource("grid")
	void theRectificationAllowsExactlyTheStepsOfTheLoop(RectificationState state, RectificationAction action, Who who) {
		var rectification = rectificationIn(state);
		var refusal = rectification.refusal(action, who.actor);
		if (allowed(state, action, who)) {
			assertThat(refusal).isEmpty();
			var step = take(rectification, action, who.actor);
			assertThat(rectification.getState()).isEqualTo(stateAfter(action));
			assertThat(step.getAction()).isEqualTo(action);
			assertThat(step.getFromState()).isEqualTo(state);
			assertThat(step.getToState()).isEqualTo(rectification.getState());
			assertThat(step.getActorUsername()).isEqualTo(who.actor.username());
		}
		else {
			assertThat(refusal).hasValueSatisfying(key -> assertThat(MESSAGES).as("a message for " + key).containsKey(key));
			var before = snapshot(rectification);
			assertThatThrownBy(() -> take(rectification, action, who.actor)).isInstanceOf(BusinessRuleException.class)
				.hasMessage(refusal.get());
			assertThat(snapshot(rectification)).isEqualTo(before);
		}
	}

	/** Where the issuing region is itself responsible (a county's own inspection), its staff report. */
	@Test
	void aRegionResponsibleForItsOwnInspectionReports() {
		var own = Rectification.ofNotice(1L, RESPONSIBLE, null, "康定市", RESPONSIBLE, "自查问题", TODAY, TODAY.plusDays(7));
		assertThat(own.refusal(RectificationAction.REPORT, Who.COUNTY_STAFF.actor)).isEmpty();
		assertThat(own.refusal(RectificationAction.REPORT, Who.PREFECTURE_ADMIN.actor)).contains("rectification.refused.notResponsible");
	}

	/** 未通过 needs a deadline after today, and moves the deadline; overdue counts from the deadline in force. */
	@Test
	void aFailedVerificationSetsANewDeadline() {
		var rectification = rectificationIn(RectificationState.REPORTED);
		var verifier = Who.PREFECTURE_SUPERVISOR.actor;
		assertThatThrownBy(() -> rectification.fail(verifier, "不到位", TODAY, TODAY))
			.hasMessage("rectification.error.newDueOn");
		assertThat(rectification.getState()).isEqualTo(RectificationState.REPORTED);
		rectification.fail(verifier, "不到位", TODAY.plusDays(10), TODAY);
		assertThat(rectification.getDueOn()).isEqualTo(TODAY.plusDays(10));
		assertThat(rectification.getReturns()).isEqualTo(1);
		assertThat(rectification.isOverdue(TODAY.plusDays(10))).isFalse();
		assertThat(rectification.isOverdue(TODAY.plusDays(11))).isTrue();
		assertThat(rectification.escalatedTo(TODAY.plusDays(11))).isEqualTo("5133");
		assertThat(rectification.escalatedTo(TODAY)).isNull();
	}

	/** Only a rectification waiting for a report can be overdue: a report filed in time, or verified, is not. */
	@Test
	void overdueIsWaitingForAReportPastTheDeadline() {
		var late = TODAY.plusDays(30);
		assertThat(rectificationIn(RectificationState.OPEN).isOverdue(late)).isTrue();
		assertThat(rectificationIn(RectificationState.OPEN).isOverdue(TODAY.plusDays(7))).isFalse();
		assertThat(rectificationIn(RectificationState.REPORTED).isOverdue(late)).isFalse();
		assertThat(rectificationIn(RectificationState.VERIFIED).isOverdue(late)).isFalse();
	}

	/** A rectification in {@code state}, due a week after today, reached through the loop's own steps. */
	static Rectification rectificationIn(RectificationState state) {
		var rectification = Rectification.ofNotice(1L, RESPONSIBLE, null, "康定市", ISSUING, "推进不力", TODAY,
				TODAY.plusDays(7));
		var reporter = Who.COUNTY_STAFF.actor;
		var verifier = Who.PREFECTURE_SUPERVISOR.actor;
		switch (state) {
			case OPEN -> {
			}
			case REPORTED -> rectification.report(reporter, "已整改", TODAY);
			case RETURNED -> {
				rectification.report(reporter, "已整改", TODAY);
				rectification.fail(verifier, "不到位", TODAY.plusDays(14), TODAY);
			}
			case VERIFIED -> {
				rectification.report(reporter, "已整改", TODAY);
				rectification.pass(verifier, null, TODAY);
			}
		}
		assertThat(rectification.getState()).isEqualTo(state);
		return rectification;
	}

	private static RectificationStep take(Rectification rectification, RectificationAction action, Actor actor) {
		return switch (action) {
			case OPEN -> {
				rectification.refusal(action, actor).ifPresent(key -> {
					throw new BusinessRuleException(key);
				});
				yield rectification.opened(actor);
			}
			case REPORT -> rectification.report(actor, "已整改到位", TODAY);
			case PASS -> rectification.pass(actor, "通过", TODAY);
			case FAIL -> rectification.fail(actor, "不到位", TODAY.plusDays(20), TODAY);
		};
	}

	private static String snapshot(Rectification r) {
		return r.getState() + "|" + r.getDueOn() + "|" + r.getMeasures() + "|" + r.getReportedOn() + "|" + r.getClosedOn()
				+ "|" + r.getReturns();
	}

	private static Properties messages() {
		var properties = new Properties();
		try (var in = RectificationRefusalTests.class.getResourceAsStream("/messages/supervision-inspection.properties")) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

}
