package org.pomegranate.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pomegranate.petition.StepForms.aStep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pomegranate.IntegrationTest;
import org.pomegranate.account.Role;
import org.pomegranate.petition.loop.LoopOracle;
import org.pomegranate.petition.loop.LoopOracle.Stage;
import org.pomegranate.petition.loop.LoopOracle.Who;
import org.pomegranate.petition.loop.Outcome;
import org.pomegranate.petition.loop.Petition;
import org.pomegranate.petition.loop.PetitionAction;
import org.pomegranate.petition.loop.PetitionService;
import org.pomegranate.petition.loop.PetitionState;
import org.pomegranate.petition.loop.Rating;
import org.pomegranate.petition.loop.StepForm;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.InvalidInputException;
import org.pomegranate.shared.RecordNotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The loop's wiring, against the real database through the service: that each step asks the
 * petition ({@code PetitionRefusalTests} checks the petition's answers for the whole grid), lets in
 * only the roles of its {@code @PreAuthorize}, finds only petitions in the user's region, refuses a
 * form opened on an older version, and records what it did. The grid here is representative:
 * for each step, every kind of user in a state that allows the step, and an admin in one that
 * does not; judged by the same {@link LoopOracle}.
 */
@IntegrationTest
class PetitionWorkflowTests {

	/** Where each step is allowed (for some users). */
	private static final Map<PetitionAction, List<Stage>> ALLOWED_IN = Map.of(PetitionAction.PUSH,
			List.of(Stage.REGISTERED, Stage.CLOSED_ESCALATED), PetitionAction.ACCEPT, List.of(Stage.PUSHED),
			PetitionAction.RETURN, List.of(Stage.PUSHED), PetitionAction.PROGRESS, List.of(Stage.ACCEPTED),
			PetitionAction.CLOSE, List.of(Stage.IN_PROGRESS), PetitionAction.RATE, List.of(Stage.CLOSED),
			PetitionAction.ARCHIVE, List.of(Stage.RATED), PetitionAction.MARK_BACKLOG, List.of(Stage.ACCEPTED));

	/** Where each step is allowed to no one. */
	private static final Map<PetitionAction, Stage> REFUSED_IN = Map.of(PetitionAction.PUSH, Stage.ACCEPTED,
			PetitionAction.ACCEPT, Stage.REGISTERED, PetitionAction.RETURN, Stage.ACCEPTED, PetitionAction.PROGRESS,
			Stage.CLOSED, PetitionAction.CLOSE, Stage.PUSHED, PetitionAction.RATE, Stage.RATED, PetitionAction.ARCHIVE,
			Stage.CLOSED, PetitionAction.MARK_BACKLOG, Stage.ARCHIVED);

	/** 9 × 6 cases in a state that allows the step, 8 in one that does not: 62. */
	static Stream<Arguments> representativeCases() {
		var cases = new ArrayList<Arguments>();
		for (var action : LoopOracle.STEPS) {
			for (var stage : ALLOWED_IN.get(action)) {
				for (var who : Who.values()) {
					cases.add(Arguments.of(stage, action, who));
				}
			}
			cases.add(Arguments.of(REFUSED_IN.get(action), action, Who.ADMIN));
		}
		return cases.stream();
	}

	/** The roles each step's service method lets in, by its {@code @PreAuthorize}; the petition judges the rest. */
	static boolean letIn(PetitionAction action, Who who) {
		var role = who.actor.role();
		return switch (action) {
			case PUSH -> role == Role.STAFF || role == Role.SUPERVISOR || role == Role.ADMIN;
			case MARK_BACKLOG -> role == Role.SUPERVISOR || role == Role.ADMIN;
			default -> role == Role.STAFF || role == Role.ADMIN;
		};
	}

	@Autowired
	PetitionService petitions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@AfterEach
	void signOut() {
		PetitionFixtures.signOut();
	}

	@ParameterizedTest(name = "{0} {1} by {2}")
	@MethodSource("representativeCases")
	void theServiceTakesExactlyTheStepsThePetitionAllows(Stage stage, PetitionAction action, Who who) {
		long id = PetitionFixtures.petition(jdbc, stage.state.name(), stage.outcome.name());
		long department = PetitionFixtures.department(jdbc);
		PetitionFixtures.signIn(users, who.username);
		var form = aStep().saying("测试说明")
			.pushedTo(department, "kd_staff")
			.closedAs(Outcome.SOLVED)
			.ratedAs(Rating.SATISFIED)
			.targetOn(PetitionFixtures.today().plusDays(30))
			.build();

		if (LoopOracle.allowed(stage, action, who)) {
			var after = act(action, id, form);
			var expected = LoopOracle.stateAfter(stage, action);
			assertThat(after.getState()).isEqualTo(expected);
			assertThat(stateInDatabase(id)).isEqualTo(expected.name());
			assertThat(jdbc.queryForObject("select count(*) from petition_step where petition_id = ? and action = ?",
					Long.class, id, action.name())).isEqualTo(1);
		}
		else {
			if (letIn(action, who)) {
				assertThatThrownBy(() -> act(action, id, form)).isInstanceOf(BusinessRuleException.class)
					.hasMessageStartingWith("petition.refused.");
			}
			else {
				assertThatThrownBy(() -> act(action, id, form)).isInstanceOf(AccessDeniedException.class);
			}
			assertThat(stateInDatabase(id)).isEqualTo(stage.state.name());
			assertThat(jdbc.queryForObject("select version from petition where id = ?", Long.class, id)).isZero();
			assertThat(jdbc.queryForObject("select count(*) from petition_step where petition_id = ?", Long.class, id)).isZero();
		}
	}

	/** The petition's own refusals reach the user as its message keys. */
	@Test
	void theServiceRefusesWithThePetitionsReason() {
		long pushed = PetitionFixtures.petition(jdbc, "PUSHED", "SOLVED");
		long closed = PetitionFixtures.petition(jdbc, "CLOSED", "SOLVED");
		long escalated = PetitionFixtures.petition(jdbc, "CLOSED", "UNRESOLVABLE");
		PetitionFixtures.signIn(users, "lc_staff");
		assertThatThrownBy(() -> petitions.accept(pushed, aStep().build(), List.of()))
			.isInstanceOf(BusinessRuleException.class)
			.hasMessage("petition.refused.notHandler");
		PetitionFixtures.signIn(users, "kd_staff");
		assertThatThrownBy(() -> petitions.rate(closed, aStep().ratedAs(Rating.SATISFIED).build(), List.of()))
			.isInstanceOf(BusinessRuleException.class)
			.hasMessage("petition.refused.ownRating");
		PetitionFixtures.signIn(users, "kd_supervisor");
		var push = aStep().pushedTo(PetitionFixtures.department(jdbc), "kd_staff").build();
		assertThatThrownBy(() -> petitions.push(escalated, push, List.of())).isInstanceOf(BusinessRuleException.class)
			.hasMessage("petition.refused.escalated");
	}

	/** A petition outside the user's region is not found, whatever step they try. */
	@Test
	void aPetitionOutsideTheUsersRegionIsNotFound() {
		long pushed = PetitionFixtures.petition(jdbc, "PUSHED", "SOLVED");
		long registered = PetitionFixtures.petition(jdbc, "REGISTERED", "SOLVED");
		var push = aStep().pushedTo(PetitionFixtures.department(jdbc), "ld_staff").build();
		PetitionFixtures.signIn(users, "ld_staff");
		assertThatThrownBy(() -> petitions.accept(pushed, aStep().build(), List.of()))
			.isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> petitions.push(registered, push, List.of())).isInstanceOf(RecordNotFoundException.class);
		assertThat(stateInDatabase(pushed)).isEqualTo("PUSHED");
		assertThat(stateInDatabase(registered)).isEqualTo("REGISTERED");
	}

	/** A step from a page opened before the last step is refused, and changes nothing. */
	@Test
	void aFormOpenedOnAnOlderVersionIsRefused() {
		long id = PetitionFixtures.petition(jdbc, "PUSHED", "SOLVED");
		PetitionFixtures.signIn(users, "kd_staff");
		var accepted = petitions.accept(id, aStep().build(), List.of());
		assertThat(accepted.getVersion()).isEqualTo(1);
		assertThatThrownBy(() -> petitions.noteProgress(id, aStep().saying("已安排").atVersion(0).build(), List.of()))
			.isInstanceOf(OptimisticLockingFailureException.class);
		assertThat(stateInDatabase(id)).isEqualTo("ACCEPTED");
		assertThat(jdbc.queryForObject("select count(*) from petition_step where petition_id = ?", Long.class, id))
			.isEqualTo(1);
	}

	/** The page offers exactly the steps the service would take. */
	@Test
	void thePageOffersExactlyTheAllowedSteps() {
		var failures = new ArrayList<String>();
		for (var stage : Stage.values()) {
			long id = PetitionFixtures.petition(jdbc, stage.state.name(), stage.outcome.name());
			for (var who : List.of(Who.ADMIN, Who.SUPERVISOR, Who.HANDLER, Who.OTHER_STAFF, Who.PREFECTURE_SUPERVISOR)) {
				PetitionFixtures.signIn(users, who.username);
				var offered = petitions.allowedActions(petitions.get(id));
				for (var action : PetitionAction.values()) {
					boolean expected = action != PetitionAction.REGISTER && LoopOracle.allowed(stage, action, who);
					if (offered.contains(action) != expected) {
						failures.add(stage + " " + action + " " + who + ": offered " + offered.contains(action));
					}
				}
			}
		}
		assertThat(failures).isEmpty();
	}

	@Test
	void aDissatisfiedRatingReopensToTheHandlerAndCountsTheReopening() {
		long id = PetitionFixtures.petition(jdbc, "CLOSED", "SOLVED");
		PetitionFixtures.signIn(users, "lc_staff");
		var reopened = petitions.rate(id, aStep().saying("群众不满意").ratedAs(Rating.DISSATISFIED).build(), List.of());
		assertThat(reopened.getState()).isEqualTo(PetitionState.IN_PROGRESS);
		assertThat(reopened.getOutcome()).isNull();
		assertThat(reopened.getReopenCount()).isEqualTo(1);
		assertThat(reopened.getCloseDueOn()).isEqualTo(PetitionFixtures.today().plusDays(15));
		PetitionFixtures.signIn(users, "kd_staff");
		var closedAgain = petitions.close(id, aStep().saying("已重新处理").closedAs(Outcome.SOLVED)
			.atVersion(reopened.getVersion())
			.build(), List.of());
		assertThat(closedAgain.getState()).isEqualTo(PetitionState.CLOSED);
	}

	@Test
	void anUnresolvablePetitionGoesUpToTheRegionAboveItsDepartment() {
		long id = PetitionFixtures.petition(jdbc, "IN_PROGRESS", "SOLVED");
		PetitionFixtures.signIn(users, "kd_staff");
		var closed = petitions.close(id, aStep().saying("需州级协调").closedAs(Outcome.UNRESOLVABLE).build(), List.of());
		assertThat(closed.getEscalatedTo()).isEqualTo("5133");
		assertThat(closed.isEscalated()).isTrue();
		// The county may no longer push it; the prefecture may, with fresh time limits.
		assertThat(petitions.allowedActions(closed)).doesNotContain(PetitionAction.PUSH);
		PetitionFixtures.signIn(users, "gz_supervisor");
		var pushed = petitions.push(id, aStep().pushedTo(PetitionFixtures.department(jdbc), "kd_staff")
			.atVersion(closed.getVersion())
			.build(), List.of());
		assertThat(pushed.getState()).isEqualTo(PetitionState.PUSHED);
		assertThat(pushed.getOutcome()).isNull();
		assertThat(pushed.getAcceptDueOn()).isEqualTo(PetitionFixtures.today().plusDays(3));
	}

	@Test
	void aStepNeedsWhatItRecords() {
		long pushed = PetitionFixtures.petition(jdbc, "PUSHED", "SOLVED");
		long accepted = PetitionFixtures.petition(jdbc, "ACCEPTED", "SOLVED");
		long registered = PetitionFixtures.petition(jdbc, "REGISTERED", "SOLVED");
		PetitionFixtures.signIn(users, "kd_staff");
		assertThatThrownBy(() -> petitions.returnToPusher(pushed, StepForm.empty(0), List.of()))
			.isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(((InvalidInputException) ex).problems())
				.containsEntry("comment", "validation.required"));
		assertThatThrownBy(() -> petitions.close(accepted, aStep().saying("办结").build(), List.of()))
			.isInstanceOf(InvalidInputException.class);
		// A handler who cannot see the village, or a department that does not serve it, is refused.
		var farHandler = aStep().pushedTo(PetitionFixtures.department(jdbc), "ld_staff").build();
		assertThatThrownBy(() -> petitions.push(registered, farHandler, List.of()))
			.isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(((InvalidInputException) ex).problems()).containsKey("handler"));
		assertThat(stateInDatabase(registered)).isEqualTo("REGISTERED");
	}

	@Test
	void aBacklogCaseIsMarkedOnce() {
		long id = PetitionFixtures.petition(jdbc, "ACCEPTED", "SOLVED");
		PetitionFixtures.signIn(users, "kd_supervisor");
		var marked = petitions.markBacklog(id, aStep().targetOn(PetitionFixtures.today().plusDays(60)).build(), List.of());
		assertThat(marked.isBacklog()).isTrue();
		assertThatThrownBy(() -> petitions.markBacklog(id, aStep().targetOn(PetitionFixtures.today().plusDays(60))
			.atVersion(marked.getVersion())
			.build(), List.of()))
			.isInstanceOf(BusinessRuleException.class)
			.hasMessage("petition.refused.alreadyBacklog");
	}

	private Petition act(PetitionAction action, long id, StepForm form) {
		return switch (action) {
			case PUSH -> petitions.push(id, form, List.of());
			case ACCEPT -> petitions.accept(id, form, List.of());
			case RETURN -> petitions.returnToPusher(id, form, List.of());
			case PROGRESS -> petitions.noteProgress(id, form, List.of());
			case CLOSE -> petitions.close(id, form, List.of());
			case RATE -> petitions.rate(id, form, List.of());
			case ARCHIVE -> petitions.archive(id, form, List.of());
			case MARK_BACKLOG -> petitions.markBacklog(id, form, List.of());
			case REGISTER -> throw new IllegalArgumentException();
		};
	}

	private String stateInDatabase(long id) {
		return jdbc.queryForObject("select state from petition where id = ?", String.class, id);
	}

}
