package org.pomegranate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.pomegranate.shared.SubmissionTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pomegranate.IntegrationTest;
import org.pomegranate.pairing.cadre.CadreForm;
import org.pomegranate.pairing.cadre.CadreService;
import org.pomegranate.pairing.household.HouseholdForm;
import org.pomegranate.pairing.household.HouseholdQuery;
import org.pomegranate.pairing.household.HouseholdService;
import org.pomegranate.pairing.program.PairingService;
import org.pomegranate.pairing.program.ProgramForm;
import org.pomegranate.pairing.program.VisitForm;
import org.pomegranate.petition.loop.PetitionForm;
import org.pomegranate.petition.loop.PetitionService;
import org.pomegranate.region.RegionService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the services' {@code permissions()} tell the pages is what their own role rules let through:
 * for each role, each answer is held against a call of every method it stands for (rolled back).
 */
@IntegrationTest
class PermissionsTests {

	@Autowired
	UserDetailsService users;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	HouseholdService households;

	@Autowired
	CadreService cadres;

	@Autowired
	PairingService pairings;

	@Autowired
	RegionService regions;

	@Autowired
	PetitionService petitions;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@ParameterizedTest
	@ValueSource(strings = { "kd_admin", "kd_supervisor", "kd_staff" })
	void eachAnswerIsWhatTheMethodsLetThrough(String username) {
		signIn(username);
		var failures = new ArrayList<String>();
		var today = LocalDate.now();
		var household = households.permissions();
		check(failures, "households.record", household.record(), () -> households.create(HouseholdForm.empty()),
				() -> households.update(-1, 0, HouseholdForm.empty()));
		check(failures, "households.exportUnmasked", household.exportUnmasked(),
				() -> households.exportUnmasked(new HouseholdQuery("无此户主", null, null, null, null), found -> {
				}));
		var cadre = cadres.permissions();
		check(failures, "cadres.record", cadre.record(), () -> cadres.create(CadreForm.empty("513301")),
				() -> cadres.update(-1, 0, CadreForm.empty("513301")), () -> cadres.leave(-1, 0, null));
		var pairing = pairings.permissions();
		check(failures, "pairings.pair", pairing.pair(), () -> pairings.pair(-1, -1, -1, null, SubmissionTokens.fresh()),
				() -> pairings.end(-1, 0, null, null), () -> pairings.reassign(-1, 0, -1, null, null));
		check(failures, "pairings.recordVisits", pairing.recordVisits(),
				() -> pairings.recordVisit(-1, VisitForm.empty(today, "测试"), List.of()));
		check(failures, "pairings.managePrograms", pairing.managePrograms(),
				() -> pairings.createProgram(ProgramForm.empty("513301")),
				() -> pairings.updateProgram(-1, 0, ProgramForm.empty("513301")));
		check(failures, "regions.manage", regions.permissions().manage(), () -> regions.addChild("513301", "", null),
				() -> regions.rename("0", "", 0), () -> regions.retire("0", 0), () -> regions.reinstate("0", 0));
		check(failures, "petitions.register", petitions.permissions().register(),
				() -> petitions.register(PetitionForm.empty(today), List.of()));
		assertThat(failures).isEmpty();
	}

	@Test
	void reviewersAreToldNothingByTheServicesTheyMayNotUse() {
		signIn("gz_reviewer");
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(households::permissions);
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(pairings::permissions);
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(petitions::permissions);
		assertThat(regions.permissions().manage()).isFalse();
	}

	private void signIn(String username) {
		var user = users.loadUserByUsername(username);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}

	/** Every call passes the method's role rule exactly when the answer says the user may. */
	private void check(List<String> failures, String answer, boolean may, Runnable... calls) {
		for (int i = 0; i < calls.length; i++) {
			var call = calls[i];
			boolean passed = Boolean.TRUE.equals(transactions.execute(status -> {
				status.setRollbackOnly();
				try {
					call.run();
				}
				catch (AccessDeniedException ex) {
					return false;
				}
				catch (RuntimeException ex) {
					// Past the role rule: refused for the made-up record or the empty form.
				}
				return true;
			}));
			if (passed != may) {
				failures.add(answer + " is " + may + " but call " + (i + 1) + (passed ? " passed" : " was refused"));
			}
		}
	}

}
