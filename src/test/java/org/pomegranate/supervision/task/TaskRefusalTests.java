package org.pomegranate.supervision.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pomegranate.account.Role;
import org.pomegranate.shared.BusinessRuleException;

/**
 * The instance's steps for every stage × step × user, against an oracle written from issue 13:
 * 待签收 → 已签收 → 已报送 → (退回 → 已报送) → 已办结; the recipient side (staff and admins of the
 * recipient's region) acknowledges, reports and asks for an extension (after acknowledging, before
 * reporting, one request at a time); the issuer side (admins and supervisors of the issuing
 * region) returns and accepts a report and decides a waiting extension request until the task is
 * done. Nobody else — another county, the province above, a township below, a reviewer — takes a
 * step. A permitted step lands where the issue says; a refused one throws and changes nothing.
 */
class TaskRefusalTests {

	static final String ISSUER = "5133";

	static final String RECIPIENT = "513301";

	static final LocalDate DUE = LocalDate.of(2026, 3, 25);

	/** The users: each role on each side, and those of no side. */
	enum Who {

		RECIPIENT_STAFF(Role.STAFF, RECIPIENT), RECIPIENT_ADMIN(Role.ADMIN, RECIPIENT),
		RECIPIENT_SUPERVISOR(Role.SUPERVISOR, RECIPIENT), RECIPIENT_REVIEWER(Role.REVIEWER, RECIPIENT),
		ISSUER_ADMIN(Role.ADMIN, ISSUER), ISSUER_SUPERVISOR(Role.SUPERVISOR, ISSUER), ISSUER_STAFF(Role.STAFF, ISSUER),
		ISSUER_REVIEWER(Role.REVIEWER, ISSUER), OTHER_COUNTY_ADMIN(Role.ADMIN, "513322"),
		OTHER_COUNTY_STAFF(Role.STAFF, "513322"), PROVINCE_ADMIN(Role.ADMIN, "51"),
		PROVINCE_SUPERVISOR(Role.SUPERVISOR, "51"), TOWNSHIP_STAFF(Role.STAFF, "513301001"),
		TOWNSHIP_ADMIN(Role.ADMIN, "513301001");

		final TaskActor actor;

		Who(Role role, String region) {
			this.actor = new TaskActor(name().toLowerCase(), name(), role, region);
		}

	}

	/** Where an instance can stand: its state and whether an extension request waits. */
	enum Stage {

		PENDING(TaskState.PENDING, false), ACKNOWLEDGED(TaskState.ACKNOWLEDGED, false),
		ACKNOWLEDGED_ASKING(TaskState.ACKNOWLEDGED, true), REPORTED(TaskState.REPORTED, false),
		REPORTED_ASKING(TaskState.REPORTED, true), RETURNED(TaskState.RETURNED, false),
		RETURNED_ASKING(TaskState.RETURNED, true), ACCEPTED(TaskState.ACCEPTED, false);

		final TaskState state;

		final boolean asking;

		Stage(TaskState state, boolean asking) {
			this.state = state;
			this.asking = asking;
		}

	}

	// The oracle, from the issue's words.

	static boolean recipientSide(Who who) {
		return (who.actor.role() == Role.STAFF || who.actor.role() == Role.ADMIN) && who.actor.regionCode().equals(RECIPIENT);
	}

	static boolean issuerSide(Who who) {
		return (who.actor.role() == Role.ADMIN || who.actor.role() == Role.SUPERVISOR) && who.actor.regionCode().equals(ISSUER);
	}

	static boolean allowed(Stage stage, TaskAction action, Who who) {
		var state = stage.state;
		return switch (action) {
			case ISSUE -> false;
			case ACKNOWLEDGE -> recipientSide(who) && state == TaskState.PENDING;
			case REPORT -> recipientSide(who) && (state == TaskState.ACKNOWLEDGED || state == TaskState.RETURNED);
			case REQUEST_EXTENSION -> recipientSide(who) && (state == TaskState.ACKNOWLEDGED || state == TaskState.RETURNED)
					&& !stage.asking;
			case RETURN, ACCEPT -> issuerSide(who) && state == TaskState.REPORTED;
			case GRANT_EXTENSION, REFUSE_EXTENSION -> issuerSide(who) && stage.asking && state != TaskState.ACCEPTED;
		};
	}

	/** Where a permitted step lands. */
	static TaskState after(Stage stage, TaskAction action) {
		return switch (action) {
			case ACKNOWLEDGE -> TaskState.ACKNOWLEDGED;
			case REPORT -> TaskState.REPORTED;
			case RETURN -> TaskState.RETURNED;
			case ACCEPT -> TaskState.ACCEPTED;
			default -> stage.state;
		};
	}

	// Building each stage by the steps that lead there.

	static final TaskActor STAFF = Who.RECIPIENT_STAFF.actor;

	static final TaskActor ADMIN = Who.ISSUER_ADMIN.actor;

	static TaskInstance at(Stage stage) {
		var instance = new TaskInstance(RECIPIENT, ISSUER, Instant.parse("2026-03-01T00:00:00Z"), DUE);
		var day = LocalDate.of(2026, 3, 20);
		switch (stage) {
			case PENDING -> {
			}
			case ACKNOWLEDGED -> instance.acknowledge(STAFF, Instant.now());
			case ACKNOWLEDGED_ASKING -> {
				instance.acknowledge(STAFF, Instant.now());
				instance.requestExtension(STAFF, "转场", DUE.plusDays(10));
			}
			case REPORTED -> {
				instance.acknowledge(STAFF, Instant.now());
				instance.report(STAFF, "已完成", null, null, day);
			}
			case REPORTED_ASKING -> {
				instance.acknowledge(STAFF, Instant.now());
				instance.requestExtension(STAFF, "转场", DUE.plusDays(10));
				instance.report(STAFF, "已完成", null, null, day);
			}
			case RETURNED -> {
				instance.acknowledge(STAFF, Instant.now());
				instance.report(STAFF, "已完成", null, null, day);
				instance.returnToRecipient(ADMIN, "材料不全");
			}
			case RETURNED_ASKING -> {
				instance.acknowledge(STAFF, Instant.now());
				instance.report(STAFF, "已完成", null, null, day);
				instance.returnToRecipient(ADMIN, "材料不全");
				instance.requestExtension(STAFF, "补材料", DUE.plusDays(10));
			}
			case ACCEPTED -> {
				instance.acknowledge(STAFF, Instant.now());
				instance.report(STAFF, "已完成", null, null, day);
				instance.accept(ADMIN, null, day);
			}
		}
		assertThat(instance.getState()).isEqualTo(stage.state);
		assertThat(instance.extensionPending()).isEqualTo(stage.asking);
		return instance;
	}

	static TaskEvent take(TaskInstance instance, TaskAction action, TaskActor actor) {
		var day = LocalDate.of(2026, 3, 21);
		return switch (action) {
			case ACKNOWLEDGE -> instance.acknowledge(actor, Instant.now());
			case REPORT -> instance.report(actor, "已完成", "宣讲场次", 12L, day);
			case RETURN -> instance.returnToRecipient(actor, "材料不全");
			case ACCEPT -> instance.accept(actor, "同意", day);
			case REQUEST_EXTENSION -> instance.requestExtension(actor, "转场", DUE.plusDays(20));
			case GRANT_EXTENSION -> instance.grantExtension(actor, DUE.plusDays(15), null);
			case REFUSE_EXTENSION -> instance.refuseExtension(actor, "不同意");
			case ISSUE -> throw new BusinessRuleException(instance.refusal(action, actor).orElseThrow());
		};
	}

	/** 8 stages × 8 actions × 14 users: 896 cases. */
	static Stream<Arguments> everyCase() {
		var cases = new ArrayList<Arguments>();
		for (var stage : Stage.values()) {
			for (var action : TaskAction.values()) {
				for (var who : Who.values()) {
					cases.add(Arguments.of(stage, action, who));
				}
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} {1} by {2}")
	@MethodSource("everyCase")
	void eachStepIsAllowedExactlyWhereTheIssueSays(Stage stage, TaskAction action, Who who) {
		var instance = at(stage);
		boolean expected = allowed(stage, action, who);
		assertThat(instance.refusal(action, who.actor).isEmpty()).as("allowed").isEqualTo(expected);
		assertThat(TaskSteps.allowed(instance, who.actor).contains(action)).as("offered on the page").isEqualTo(expected);
		if (expected) {
			var event = take(instance, action, who.actor);
			assertThat(instance.getState()).isEqualTo(after(stage, action));
			assertThat(event.getAction()).isEqualTo(action);
			assertThat(event.getFromState()).isEqualTo(stage.state);
			assertThat(event.getToState()).isEqualTo(instance.getState());
			assertThat(event.getActorUsername()).isEqualTo(who.actor.username());
		}
		else {
			var before = instance.getState();
			var reason = instance.refusal(action, who.actor);
			assertThatThrownBy(() -> take(instance, action, who.actor)).isInstanceOf(BusinessRuleException.class)
				.extracting(ex -> ((BusinessRuleException) ex).messageKey())
				.isEqualTo(reason.orElseThrow());
			assertThat(instance.getState()).isEqualTo(before);
			assertThat(instance.extensionPending()).isEqualTo(stage.asking);
		}
	}

	/** The reason a user reads names what is wrong: the role, the side, or the state. */
	@Test
	void aRefusalSaysWhy() {
		assertThat(at(Stage.PENDING).refusal(TaskAction.ACKNOWLEDGE, Who.RECIPIENT_SUPERVISOR.actor))
			.contains("task.refused.role");
		assertThat(at(Stage.PENDING).refusal(TaskAction.ACKNOWLEDGE, Who.OTHER_COUNTY_STAFF.actor))
			.contains("task.refused.notRecipient");
		assertThat(at(Stage.PENDING).refusal(TaskAction.ACKNOWLEDGE, Who.TOWNSHIP_STAFF.actor))
			.contains("task.refused.notRecipient");
		assertThat(at(Stage.REPORTED).refusal(TaskAction.ACCEPT, Who.PROVINCE_ADMIN.actor)).contains("task.refused.notIssuer");
		assertThat(at(Stage.REPORTED).refusal(TaskAction.ACCEPT, Who.ISSUER_STAFF.actor)).contains("task.refused.role");
		assertThat(at(Stage.PENDING).refusal(TaskAction.REPORT, STAFF)).contains("task.refused.REPORT");
		assertThat(at(Stage.ACKNOWLEDGED_ASKING).refusal(TaskAction.REQUEST_EXTENSION, STAFF))
			.contains("task.refused.extensionPending");
		assertThat(at(Stage.ACCEPTED).refusal(TaskAction.RETURN, ADMIN)).contains("task.refused.RETURN");
		assertThat(at(Stage.PENDING).refusal(TaskAction.ISSUE, ADMIN)).contains("task.refused.ISSUE");
	}

	@Test
	void aGrantedExtensionMovesTheDueDateAndEndsTheRequest() {
		var instance = at(Stage.ACKNOWLEDGED_ASKING);
		assertThat(instance.isOverdue(DUE.plusDays(1))).as("overdue the day after the list's due date").isTrue();
		instance.grantExtension(ADMIN, DUE.plusDays(10), "同意");
		assertThat(instance.effectiveDueOn()).isEqualTo(DUE.plusDays(10));
		assertThat(instance.extensionPending()).isFalse();
		assertThat(instance.isOverdue(DUE.plusDays(1))).as("not overdue after the list's date when extended").isFalse();
		assertThat(instance.isOverdue(DUE.plusDays(10))).as("due on the granted day itself").isFalse();
		assertThat(instance.isOverdue(DUE.plusDays(11))).as("overdue from the day after the granted date").isTrue();
	}

	@Test
	void aRefusedExtensionLeavesTheDueDate() {
		var instance = at(Stage.ACKNOWLEDGED_ASKING);
		instance.refuseExtension(ADMIN, "不同意");
		assertThat(instance.effectiveDueOn()).isEqualTo(DUE);
		assertThat(instance.isOverdue(DUE.plusDays(1))).isTrue();
		assertThat(instance.refusal(TaskAction.REQUEST_EXTENSION, STAFF)).as("may ask again").isEmpty();
	}

	@Test
	void anExtensionMustBeLaterThanTheDueDateInForce() {
		var instance = at(Stage.ACKNOWLEDGED);
		assertThatThrownBy(() -> instance.requestExtension(STAFF, "转场", DUE)).isInstanceOf(BusinessRuleException.class)
			.hasMessage("task.extension.notLater");
		instance.requestExtension(STAFF, "转场", DUE.plusDays(5));
		assertThatThrownBy(() -> instance.grantExtension(ADMIN, DUE.minusDays(1), null))
			.isInstanceOf(BusinessRuleException.class);
		assertThat(instance.extensionPending()).isTrue();
	}

	@Test
	void overdueIsOwingTheReportAfterTheDueDate() {
		assertThat(at(Stage.PENDING).isOverdue(DUE)).as("on the due date").isFalse();
		for (var stage : EnumSet.of(Stage.PENDING, Stage.ACKNOWLEDGED, Stage.RETURNED)) {
			assertThat(at(stage).isOverdue(DUE.plusDays(1))).as(stage.name()).isTrue();
		}
		for (var stage : EnumSet.of(Stage.REPORTED, Stage.ACCEPTED)) {
			assertThat(at(stage).isOverdue(DUE.plusDays(1))).as(stage.name()).isFalse();
		}
	}

	@Test
	void notAcknowledgedIsStillWaitingForItsReceipt24HoursAfterOpening() {
		var opened = Instant.parse("2026-03-01T00:00:00Z");
		var pending = at(Stage.PENDING);
		assertThat(pending.isUnacknowledged(opened.plusSeconds(23 * 3600))).isFalse();
		assertThat(pending.isUnacknowledged(opened.plusSeconds(24 * 3600 + 1))).isTrue();
		assertThat(at(Stage.ACKNOWLEDGED).isUnacknowledged(opened.plusSeconds(48 * 3600))).isFalse();
	}

	@Test
	void onTimeIsAcceptedAndReportedByTheDueDateInForce() {
		assertThat(at(Stage.ACCEPTED).isOnTime()).isTrue();
		var late = at(Stage.REPORTED);
		late.returnToRecipient(ADMIN, "材料不全");
		late.report(STAFF, "补充", null, null, DUE.plusDays(2));
		late.accept(ADMIN, null, DUE.plusDays(3));
		assertThat(late.getState()).isEqualTo(TaskState.ACCEPTED);
		assertThat(late.isOnTime()).as("the last report counts").isFalse();
	}

}
