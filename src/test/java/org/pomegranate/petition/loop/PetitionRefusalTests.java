package org.pomegranate.petition.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.pomegranate.account.Role;
import org.pomegranate.account.UserSummary;
import org.pomegranate.petition.loop.LoopOracle.Stage;
import org.pomegranate.petition.loop.LoopOracle.Who;
import org.pomegranate.petition.settings.PetitionCategory;
import org.pomegranate.petition.settings.PetitionDepartment;
import org.pomegranate.petition.settings.PetitionSettingsFixtures;
import org.pomegranate.shared.BusinessRuleException;

/**
 * The loop's rules in the aggregate alone, without Spring or a database: for every state × step ×
 * kind of user, {@link Petition#refusal} answers what {@link LoopOracle} says, and the step itself
 * agrees: allowed, it moves the petition on; refused, it throws the same message key and leaves
 * the petition as it was. Each petition reaches its state through the aggregate's own steps.
 */
class PetitionRefusalTests {

	private static final LocalDate TODAY = LocalDate.of(2024, 5, 6);

	private static final String VILLAGE = "513301001001";

	private static final PetitionCategory HOUSING = PetitionSettingsFixtures.category("住房", 3, 15);

	private static final PetitionDepartment BUREAU = PetitionSettingsFixtures.department("康定市住房和城乡建设局", "513301");

	private static final UserSummary HANDLER = new UserSummary("kd_staff", "康定市填报员", Role.STAFF, "513301");

	private static final Properties MESSAGES = messages();

	@ParameterizedTest(name = "{0} {1} by {2}")
	@MethodSource("org.pomegranate.petition.loop.LoopOracle#grid")
	void thePetitionAllowsExactlyTheStepsOfTheLoop(Stage stage, PetitionAction action, Who who) {
		var petition = petitionIn(stage);
		var refusal = petition.refusal(action, who.actor);

		if (LoopOracle.allowed(stage, action, who)) {
			assertThat(refusal).isEmpty();
			var step = take(petition, action, who.actor);
			assertThat(petition.getState()).isEqualTo(LoopOracle.stateAfter(stage, action));
			assertThat(step.getAction()).isEqualTo(action);
			assertThat(step.getFromState()).isEqualTo(stage.state);
			assertThat(step.getToState()).isEqualTo(petition.getState());
			assertThat(step.getActorUsername()).isEqualTo(who.username);
		}
		else {
			assertThat(refusal).hasValueSatisfying(key -> assertThat(MESSAGES).as("a message for " + key).containsKey(key));
			var before = Snapshot.of(petition);
			assertThatThrownBy(() -> take(petition, action, who.actor)).isInstanceOf(BusinessRuleException.class)
				.hasMessage(refusal.get());
			assertThat(Snapshot.of(petition)).isEqualTo(before);
		}
	}

	/** The petitions the grid starts from are what their names say. */
	@ParameterizedTest
	@EnumSource(Stage.class)
	void eachStageIsReachedThroughTheLoop(Stage stage) {
		var petition = petitionIn(stage);
		assertThat(petition.getState()).isEqualTo(stage.state);
		assertThat(petition.isEscalated()).isEqualTo(stage.isEscalated());
		assertThat(petition.getEscalatedTo()).isEqualTo(stage.isEscalated() ? "5133" : null);
		assertThat(petition.getHandlerUsername())
			.isEqualTo(stage == Stage.REGISTERED || stage == Stage.RETURNED ? null : "kd_staff");
		assertThat(petition.isBacklog()).isFalse();
	}

	/** Registering makes a petition; it is never a step on one, whoever asks. */
	@ParameterizedTest
	@EnumSource(Stage.class)
	void aPetitionIsNeverRegisteredAgain(Stage stage) {
		var petition = petitionIn(stage);
		for (var who : Who.values()) {
			assertThat(petition.refusal(PetitionAction.REGISTER, who.actor)).as(who.name())
				.contains("petition.refused.REGISTER");
		}
	}

	@Test
	void aBacklogCaseIsMarkedOnce() {
		var petition = petitionIn(Stage.ACCEPTED);
		petition.markBacklog(Who.SUPERVISOR.actor, TODAY.plusDays(60), null, TODAY);
		assertThat(petition.isBacklog()).isTrue();
		assertThat(petition.getBacklogTargetOn()).isEqualTo(TODAY.plusDays(60));
		for (var who : Who.values()) {
			boolean marks = who == Who.ADMIN || who == Who.SUPERVISOR || who == Who.PREFECTURE_SUPERVISOR;
			assertThat(petition.refusal(PetitionAction.MARK_BACKLOG, who.actor)).as(who.name())
				.contains(marks ? "petition.refused.alreadyBacklog" : "petition.refused.role");
		}
	}

	/**
	 * The handler is the user of exactly the stored name: a name Java folds to it (ſ upper-cases to
	 * S, capitals) is another user, as at sign-in.
	 */
	@Test
	void onlyTheExactNameIsTheHandler() {
		var petition = petitionIn(Stage.PUSHED);
		for (var name : new String[] { "kd_ſtaff", "KD_STAFF" }) {
			var lookalike = new Actor(name, "康定市填报员", Role.STAFF, "513301");
			assertThat(petition.refusal(PetitionAction.ACCEPT, lookalike)).as(name).contains("petition.refused.notHandler");
		}
		assertThat(petition.refusal(PetitionAction.ACCEPT, Who.HANDLER.actor)).isEmpty();
	}

	/** A petition in {@code stage}, taken there step by step as the demo users would. */
	static Petition petitionIn(Stage stage) {
		var handler = Who.HANDLER.actor;
		var recorder = Who.OTHER_STAFF.actor;
		return switch (stage) {
			case REGISTERED -> new Petition("513301-1990-000001", UUID.randomUUID(),
					new PetitionDetails(PetitionSource.WALK_IN, null, null, "测试群众", null, VILLAGE, HOUSING, "房屋漏雨",
							null, Urgency.NORMAL, TODAY.minusDays(2)),
					"lc_staff");
			case PUSHED -> after(Stage.REGISTERED, p -> p.push(Who.SUPERVISOR.actor, BUREAU, HANDLER, "请核实", TODAY));
			case RETURNED -> after(Stage.PUSHED, p -> p.returnToPusher(handler, "不属于本单位"));
			case ACCEPTED -> after(Stage.PUSHED, p -> p.accept(handler, null, TODAY));
			case IN_PROGRESS -> after(Stage.ACCEPTED, p -> p.noteProgress(handler, "已安排现场查看"));
			case CLOSED -> after(Stage.IN_PROGRESS, p -> p.close(handler, Outcome.SOLVED, "已维修", "5133", TODAY));
			case CLOSED_ESCALATED ->
				after(Stage.IN_PROGRESS, p -> p.close(handler, Outcome.UNRESOLVABLE, "需州级协调", "5133", TODAY));
			case RATED -> after(Stage.CLOSED, p -> p.rate(recorder, Rating.SATISFIED, null, TODAY));
			case RATED_ESCALATED -> after(Stage.CLOSED_ESCALATED, p -> p.rate(recorder, Rating.SATISFIED, null, TODAY));
			case ARCHIVED -> after(Stage.RATED, p -> p.archive(recorder, null));
		};
	}

	private static Petition after(Stage stage, Consumer<Petition> step) {
		var petition = petitionIn(stage);
		step.accept(petition);
		return petition;
	}

	/** The step as the service takes it, with what the step needs besides. */
	private static PetitionStep take(Petition petition, PetitionAction action, Actor actor) {
		return switch (action) {
			case PUSH -> petition.push(actor, BUREAU, HANDLER, "请住建局核实", TODAY);
			case ACCEPT -> petition.accept(actor, null, TODAY);
			case RETURN -> petition.returnToPusher(actor, "不属于本单位");
			case PROGRESS -> petition.noteProgress(actor, "已安排施工队");
			case CLOSE -> petition.close(actor, Outcome.SOLVED, "已更换屋面防水层", "5133", TODAY);
			case RATE -> petition.rate(actor, Rating.SATISFIED, null, TODAY);
			case ARCHIVE -> petition.archive(actor, null);
			case MARK_BACKLOG -> petition.markBacklog(actor, TODAY.plusDays(30), null, TODAY);
			case REGISTER -> throw new IllegalArgumentException("registering is not a step of a petition");
		};
	}

	/** What a refused step must leave as it was. */
	private record Snapshot(PetitionState state, Outcome outcome, Rating rating, String handler, String escalatedTo,
			int reopenCount, boolean backlog, LocalDate closeDueOn) {

		static Snapshot of(Petition petition) {
			return new Snapshot(petition.getState(), petition.getOutcome(), petition.getRating(),
					petition.getHandlerUsername(), petition.getEscalatedTo(), petition.getReopenCount(), petition.isBacklog(),
					petition.getCloseDueOn());
		}

	}

	private static Properties messages() {
		var messages = new Properties();
		// The petition module's own bundle: every refusal it gives has its text there.
		try (var in = PetitionRefusalTests.class.getResourceAsStream("/messages/petition.properties")) {
			messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return messages;
	}

}
