package org.pomegranate.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.pairing.VisitKind;
import org.pomegranate.pairing.VisitRecorded;
import org.pomegranate.pairing.program.PairingService;
import org.pomegranate.pairing.program.VisitForm;
import org.pomegranate.petition.PetitionStepTaken;
import org.pomegranate.petition.loop.PetitionService;
import org.pomegranate.petition.loop.StepForm;
import org.pomegranate.shared.SubmissionTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The events modules publish for others to react to (notifications will be the first): a visit
 * recorded and a petition step taken each publish one, after commit a module listener receives
 * it, and the JDBC event publication registry marks the publication complete, so an event whose
 * listener had not run when the app stopped is found again.
 */
@IntegrationTest
@EnableScenarios
@Import(ModuleEventsTests.Listener.class)
class ModuleEventsTests {

	@Autowired
	PairingService pairings;

	@Autowired
	PetitionService petitions;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Listener listener;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aRecordedVisitReachesAListenerAfterCommitAndItsPublicationIsCompleted(Scenario scenario) {
		long pairingId = jdbc.queryForObject("""
				select min(id) from pairing where ended_on is null and region_code like '513301%'""", Long.class);
		var today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

		scenario.stimulate(() -> as("kd_staff", () -> pairings.recordVisit(pairingId,
				new VisitForm(today.toString(), VisitKind.HOME_VISIT, "事件测试", "", "", "0", false,
						SubmissionTokens.fresh()), List.of())))
			.andWaitForEventOfType(VisitRecorded.class)
			.matching(event -> event.visitedOn().equals(today))
			.toArriveAndVerify((event, visit) -> {
				assertThat(event.visitId()).isEqualTo(visit.getId());
				assertThat(event.householdId()).isEqualTo(visit.getHouseholdId());
				assertThat(event.regionCode()).isEqualTo(visit.getRegionCode());
			});

		var deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (listener.visits().isEmpty() && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		assertThat(listener.visits()).extracting(VisitRecorded::visitedOn).contains(today);
		awaitCompleted(VisitRecorded.class);
	}

	@Test
	void aPetitionStepPublishesWhatWasDoneAndTheStateItLeft(Scenario scenario) {
		long petitionId = jdbc.queryForObject("""
				select min(id) from petition where state = 'REGISTERED' and region_code like '513301%'""", Long.class);
		long version = jdbc.queryForObject("select version from petition where id = ?", Long.class, petitionId);
		scenario.stimulate(() -> as("kd_supervisor", () -> petitions.markBacklog(petitionId,
				StepForm.empty(version).withTargetOn(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(3).toString()),
				List.of())))
			.andWaitForEventOfType(PetitionStepTaken.class)
			.matching(event -> event.petitionId() == petitionId)
			.toArriveAndVerify(event -> {
				assertThat(event.step()).isEqualTo("MARK_BACKLOG");
				assertThat(event.state()).isEqualTo("REGISTERED");
				assertThat(event.actor()).isEqualTo("kd_supervisor");
				assertThat(event.number()).startsWith("513301-");
			});
	}

	private void awaitCompleted(Class<?> eventType) {
		var deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		long completed = 0;
		while (System.nanoTime() < deadline) {
			completed = jdbc.queryForObject("""
					select count(*) from event_publication where event_type = ? and completion_date is not null""",
					Long.class, eventType.getName());
			if (completed > 0) {
				break;
			}
			Thread.onSpinWait();
		}
		assertThat(completed).as("completed publications of " + eventType.getSimpleName()).isPositive();
	}

	private <T> T as(String username, Supplier<T> action) {
		var user = users.loadUserByUsername(username);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		try {
			return action.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	/** Stands for a module that reacts to visits: runs after commit, through the registry. */
	@TestConfiguration
	static class Listener {

		private final List<VisitRecorded> visits = new CopyOnWriteArrayList<>();

		// Read through a method: the listener is a proxy (it runs asynchronously, in a transaction).
		List<VisitRecorded> visits() {
			return visits;
		}

		@ApplicationModuleListener
		void on(VisitRecorded event) {
			visits.add(event);
		}

	}

}
