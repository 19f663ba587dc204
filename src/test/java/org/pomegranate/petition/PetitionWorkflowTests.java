package org.pomegranate.petition;

import org.pomegranate.petition.loop.Outcome;
import org.pomegranate.petition.loop.Petition;
import org.pomegranate.petition.loop.PetitionAction;
import org.pomegranate.petition.loop.PetitionService;
import org.pomegranate.petition.loop.PetitionState;
import org.pomegranate.petition.loop.Rating;
import org.pomegranate.petition.loop.StepForm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.pomegranate.shared.BusinessRuleException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The loop, exhaustively: every state × every step × every kind of user, against the real
 * database through the service. What may happen is written out here on its own, from the issue,
 * not read from the code under test.
 */
@IntegrationTest
class PetitionWorkflowTests {

	/** The states a petition can be in; closed and rated ones both as resolved and as escalated. */
	enum Fixture {

		REGISTERED("REGISTERED", "SOLVED"), PUSHED("PUSHED", "SOLVED"), RETURNED("RETURNED", "SOLVED"),
		ACCEPTED("ACCEPTED", "SOLVED"), IN_PROGRESS("IN_PROGRESS", "SOLVED"), CLOSED("CLOSED", "SOLVED"),
		CLOSED_ESCALATED("CLOSED", "UNRESOLVABLE"), RATED("RATED", "SOLVED"), RATED_ESCALATED("RATED", "UNRESOLVABLE"),
		ARCHIVED("ARCHIVED", "SOLVED");

		final String state;

		final String outcome;

		Fixture(String state, String outcome) {
			this.state = state;
			this.outcome = outcome;
		}

	}

	/** Who acts: the petition belongs to a village of 炉城街道 in 康定市, its handler is kd_staff. */
	enum Who {

		ADMIN("kd_admin"), SUPERVISOR("kd_supervisor"), HANDLER("kd_staff"), OTHER_STAFF("lc_staff"),
		REVIEWER("gz_reviewer"), PREFECTURE_SUPERVISOR("gz_supervisor");

		final String username;

		Who(String username) {
			this.username = username;
		}

	}

	/** What the issue allows; everything else must be refused. */
	static boolean allowed(Fixture fixture, PetitionAction action, Who who) {
		if (who == Who.REVIEWER) {
			return false;
		}
		boolean staff = who == Who.HANDLER || who == Who.OTHER_STAFF;
		boolean escalated = fixture == Fixture.CLOSED_ESCALATED || fixture == Fixture.RATED_ESCALATED;
		return switch (action) {
			// Pushed from registered or returned by anyone who records; an escalated one only by the region above.
			case PUSH -> fixture == Fixture.REGISTERED || fixture == Fixture.RETURNED
					|| (escalated && who == Who.PREFECTURE_SUPERVISOR);
			case ACCEPT, RETURN -> fixture == Fixture.PUSHED && (who == Who.ADMIN || who == Who.HANDLER);
			case PROGRESS, CLOSE -> (fixture == Fixture.ACCEPTED || fixture == Fixture.IN_PROGRESS)
					&& (who == Who.ADMIN || who == Who.HANDLER);
			// The citizen's rating is recorded by staff or an admin, never by the handler themselves.
			case RATE -> (fixture == Fixture.CLOSED || fixture == Fixture.CLOSED_ESCALATED)
					&& (who == Who.ADMIN || who == Who.OTHER_STAFF);
			case ARCHIVE -> (fixture == Fixture.RATED || fixture == Fixture.RATED_ESCALATED) && (who == Who.ADMIN || staff);
			case MARK_BACKLOG -> fixture != Fixture.ARCHIVED
					&& (who == Who.ADMIN || who == Who.SUPERVISOR || who == Who.PREFECTURE_SUPERVISOR);
			case REGISTER -> throw new IllegalArgumentException();
		};
	}

	static final Map<PetitionAction, String> STATE_AFTER = Map.of(PetitionAction.PUSH, "PUSHED", PetitionAction.ACCEPT,
			"ACCEPTED", PetitionAction.RETURN, "RETURNED", PetitionAction.PROGRESS, "IN_PROGRESS", PetitionAction.CLOSE,
			"CLOSED", PetitionAction.RATE, "RATED", PetitionAction.ARCHIVE, "ARCHIVED");

	static Stream<Arguments> everyStateActionAndUser() {
		var cases = new ArrayList<Arguments>();
		for (var fixture : Fixture.values()) {
			for (var action : PetitionAction.values()) {
				if (action == PetitionAction.REGISTER) {
					continue;
				}
				for (var who : Who.values()) {
					cases.add(Arguments.of(fixture, action, who));
				}
			}
		}
		return cases.stream();
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
	@MethodSource("everyStateActionAndUser")
	void theServiceAllowsExactlyTheStepsOfTheLoop(Fixture fixture, PetitionAction action, Who who) {
		long id = PetitionFixtures.petition(jdbc, fixture.state, fixture.outcome);
		long department = PetitionFixtures.department(jdbc);
		PetitionFixtures.signIn(users, who.username);
		var form = new StepForm("测试说明", department, "kd_staff", Outcome.SOLVED, Rating.SATISFIED,
				PetitionFixtures.today().plusDays(30).toString(), 0L);

		if (allowed(fixture, action, who)) {
			var after = act(action, id, form);
			var expected = action == PetitionAction.MARK_BACKLOG ? fixture.state : STATE_AFTER.get(action);
			assertThat(after.getState().name()).isEqualTo(expected);
			assertThat(stateInDatabase(id)).isEqualTo(expected);
			assertThat(jdbc.queryForObject("select count(*) from petition_step where petition_id = ? and action = ?",
					Long.class, id, action.name())).isEqualTo(1);
		}
		else {
			assertThatThrownBy(() -> act(action, id, form))
				.isInstanceOfAny(BusinessRuleException.class, AccessDeniedException.class);
			assertThat(stateInDatabase(id)).isEqualTo(fixture.state);
			assertThat(jdbc.queryForObject("select version from petition where id = ?", Long.class, id)).isZero();
			assertThat(jdbc.queryForObject("select count(*) from petition_step where petition_id = ?", Long.class, id)).isZero();
		}
	}

	/** The page offers exactly the steps the service would take. */
	@Test
	void thePageOffersExactlyTheAllowedSteps() {
		var failures = new ArrayList<String>();
		for (var fixture : Fixture.values()) {
			long id = PetitionFixtures.petition(jdbc, fixture.state, fixture.outcome);
			for (var who : List.of(Who.ADMIN, Who.SUPERVISOR, Who.HANDLER, Who.OTHER_STAFF, Who.PREFECTURE_SUPERVISOR)) {
				PetitionFixtures.signIn(users, who.username);
				var offered = petitions.allowedActions(petitions.get(id));
				for (var action : PetitionAction.values()) {
					boolean expected = action != PetitionAction.REGISTER && allowed(fixture, action, who);
					if (offered.contains(action) != expected) {
						failures.add(fixture + " " + action + " " + who + ": offered " + offered.contains(action));
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
		var reopened = petitions.rate(id, new StepForm("群众不满意", null, null, null, Rating.DISSATISFIED, null, 0L), List.of());
		assertThat(reopened.getState()).isEqualTo(PetitionState.IN_PROGRESS);
		assertThat(reopened.getOutcome()).isNull();
		assertThat(reopened.getReopenCount()).isEqualTo(1);
		assertThat(reopened.getCloseDueOn()).isEqualTo(PetitionFixtures.today().plusDays(15));
		PetitionFixtures.signIn(users, "kd_staff");
		var closedAgain = petitions.close(id, new StepForm("已重新处理", null, null, Outcome.SOLVED, null, null,
				reopened.getVersion()), List.of());
		assertThat(closedAgain.getState()).isEqualTo(PetitionState.CLOSED);
	}

	@Test
	void anUnresolvablePetitionGoesUpToTheRegionAboveItsDepartment() {
		long id = PetitionFixtures.petition(jdbc, "IN_PROGRESS", "SOLVED");
		PetitionFixtures.signIn(users, "kd_staff");
		var closed = petitions.close(id, new StepForm("需州级协调", null, null, Outcome.UNRESOLVABLE, null, null, 0L), List.of());
		assertThat(closed.getEscalatedTo()).isEqualTo("5133");
		assertThat(closed.isEscalated()).isTrue();
		// The county may no longer push it; the prefecture may, with fresh time limits.
		assertThat(petitions.allowedActions(closed)).doesNotContain(PetitionAction.PUSH);
		PetitionFixtures.signIn(users, "gz_supervisor");
		var pushed = petitions.push(id, new StepForm(null, PetitionFixtures.department(jdbc), "kd_staff", null, null, null,
				closed.getVersion()), List.of());
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
			.isInstanceOf(org.pomegranate.shared.InvalidInputException.class)
			.satisfies(ex -> assertThat(((org.pomegranate.shared.InvalidInputException) ex).problems())
				.containsEntry("comment", "validation.required"));
		assertThatThrownBy(() -> petitions.close(accepted, new StepForm("办结", null, null, null, null, null, 0L), List.of()))
			.isInstanceOf(org.pomegranate.shared.InvalidInputException.class);
		// A handler who cannot see the village, or a department that does not serve it, is refused.
		assertThatThrownBy(() -> petitions.push(registered, new StepForm(null, PetitionFixtures.department(jdbc), "ld_staff",
				null, null, null, 0L), List.of()))
			.isInstanceOf(org.pomegranate.shared.InvalidInputException.class)
			.satisfies(ex -> assertThat(((org.pomegranate.shared.InvalidInputException) ex).problems()).containsKey("handler"));
		assertThat(stateInDatabase(registered)).isEqualTo("REGISTERED");
	}

	@Test
	void aBacklogCaseIsMarkedOnce() {
		long id = PetitionFixtures.petition(jdbc, "ACCEPTED", "SOLVED");
		PetitionFixtures.signIn(users, "kd_supervisor");
		var marked = petitions.markBacklog(id, new StepForm(null, null, null, null, null,
				PetitionFixtures.today().plusDays(60).toString(), 0L), List.of());
		assertThat(marked.isBacklog()).isTrue();
		assertThatThrownBy(() -> petitions.markBacklog(id, new StepForm(null, null, null, null, null,
				PetitionFixtures.today().plusDays(60).toString(), marked.getVersion()), List.of()))
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
