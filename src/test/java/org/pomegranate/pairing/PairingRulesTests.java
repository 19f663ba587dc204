package org.pomegranate.pairing;

import org.pomegranate.shared.SubmissionTokens;
import org.pomegranate.pairing.program.Pairing;
import org.pomegranate.pairing.program.PairingService;
import org.pomegranate.pairing.program.VisitForm;
import org.pomegranate.pairing.cadre.CadreLevel;
import org.pomegranate.pairing.cadre.CadreService;
import org.pomegranate.pairing.household.DuplicateHouseholdException;
import org.pomegranate.pairing.household.HouseholdCategory;
import org.pomegranate.pairing.household.HouseholdService;
import org.pomegranate.pairing.household.TransferRequestedException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.pomegranate.pairing.CadreForms.aCadre;
import static org.pomegranate.pairing.HouseholdForms.aHousehold;
import static org.pomegranate.pairing.HouseholdQueries.aHouseholdQuery;
import static org.pomegranate.pairing.PairingFixtures.idNumber;
import static org.pomegranate.pairing.ProgramForms.aProgram;
import static org.pomegranate.pairing.VisitForms.aVisit;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pomegranate.pairing.household.HouseholdCategory.DISABLED;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.files.Upload;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.InvalidInputException;
import org.pomegranate.shared.RecordNotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The rules of the pairing records, enforced by the services whatever the web layer sends.
 */
@IntegrationTest
class PairingRulesTests {

	private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	@Autowired
	HouseholdService households;

	@Autowired
	CadreService cadres;

	@Autowired
	PairingService pairings;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aDuplicateIdNumberLeadsToTheHouseholdOrSendsATransferRequest() {
		PairingFixtures.township(jdbc);
		var idNumber = idNumber("19700315", 101);
		var first = as("gz_admin", () -> households.create(aHousehold().named("重复户").withIdNumber(idNumber)
				.in(PairingFixtures.VILLAGE_A).withCategories(DISABLED).build()));

		assertThatThrownBy(() -> as("gz_admin", () -> households.create(
				aHousehold().named("另一户").withIdNumber(idNumber.toLowerCase())
						.in(PairingFixtures.VILLAGE_B).withCategories(DISABLED).build())))
			.isInstanceOfSatisfying(DuplicateHouseholdException.class, ex -> assertThat(ex.existingId()).isEqualTo(first.getId()));

		var village = jdbc.queryForObject("select min(code) from region where parent_code = '513301001'", String.class);
		assertThatThrownBy(() -> as("kd_staff", () -> households.create(aHousehold().named("另一户").withIdNumber(idNumber)
				.in(village).withCategories(DISABLED).build())))
			.isInstanceOf(TransferRequestedException.class)
			.hasMessage("household.transfer.sent");
		assertThatThrownBy(() -> as("kd_staff", () -> households.get(first.getId()))).isInstanceOf(RecordNotFoundException.class);
	}

	@Test
	void visitsAreNeitherInTheFutureNorBeforeThePairingAndPhotosAreCheckedBeforeAnythingIsWritten() {
		var pairing = pairedHousehold(202, TODAY.minusDays(30));
		int visitsBefore = visitCount();

		assertThat(problems(() -> pairings.recordVisit(pairing.getId(), visit(TODAY.plusDays(1)), List.of())))
			.containsEntry("visitedOn", "visit.error.future");
		assertThat(problems(() -> pairings.recordVisit(pairing.getId(), visit(TODAY.minusDays(31)), List.of())))
			.containsEntry("visitedOn", "visit.error.beforePairing");
		var gif = Upload.of("a.gif", "GIF89a-not-a-photo".getBytes());
		assertThat(problems(() -> pairings.recordVisit(pairing.getId(), visit(TODAY), List.of(gif))))
			.containsEntry("photos", "visit.error.photoType");
		var huge = new byte[PairingService.MAX_PHOTO_BYTES + 1];
		huge[0] = (byte) 0xFF;
		huge[1] = (byte) 0xD8;
		huge[2] = (byte) 0xFF;
		assertThat(problems(() -> pairings.recordVisit(pairing.getId(), visit(TODAY), List.of(Upload.of("big.jpg", huge)))))
			.containsEntry("photos", "visit.error.photoTooBig");
		assertThat(visitCount()).isEqualTo(visitsBefore);

		var png = Arrays.copyOf(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A }, 64);
		var visit = as("gz_admin", () -> pairings.recordVisit(pairing.getId(), visit(TODAY.minusDays(30)),
				List.of(Upload.of("家访.png", png))));
		assertThat(visitCount()).isEqualTo(visitsBefore + 1);
		assertThat(jdbc.queryForObject("select content_type from stored_file where owner_kind = 'visit' and owner_id = ?", String.class, visit.getId()))
			.isEqualTo("image/png");
		assertThat(jdbc.queryForObject("select last_visit_on from pairing where id = ?", LocalDate.class, pairing.getId()))
			.isEqualTo(TODAY.minusDays(30));
	}

	@Test
	void aHouseholdHasOneActivePairingPerProgramAndReassigningKeepsTheHistory() {
		var pairing = pairedHousehold(303, TODAY.minusDays(100));
		var program = pairing.getProgram().getId();
		var household = pairing.getHousehold().getId();
		var other = as("gz_admin", () -> cadres.create(aCadre().named("接手干部").atLevel(CadreLevel.GENERAL).build()));

		assertThatThrownBy(() -> as("gz_admin", () -> pairings.pair(program, other.getId(), household, TODAY, SubmissionTokens.fresh())))
			.isInstanceOf(BusinessRuleException.class)
			.hasMessage("pairing.error.alreadyPaired");

		var next = as("gz_admin", () -> pairings.reassign(pairing.getId(), pairing.getVersion(), other.getId(),
				TODAY.minusDays(1), "原干部退休"));
		var history = as("gz_admin", () -> pairings.historyOfHousehold(household));
		assertThat(history).hasSize(2);
		assertThat(history.get(0).getId()).isEqualTo(next.getId());
		assertThat(history.get(0).isActive()).isTrue();
		assertThat(history.get(1).getEndedOn()).isEqualTo(TODAY.minusDays(1));
		assertThat(history.get(1).getEndReason()).isEqualTo("原干部退休");

		// The cadre who handed over may now leave; one still paired may not.
		var first = pairing.getCadre();
		as("gz_admin", () -> cadres.leave(first.getId(), first.getVersion(), TODAY));
		assertThatThrownBy(() -> as("gz_admin", () -> cadres.leave(other.getId(), other.getVersion(), TODAY)))
			.isInstanceOf(BusinessRuleException.class)
			.hasMessage("cadre.error.stillPaired");
	}

	@Test
	void aStaleEditIsRefusedAndSupervisorsOnlyRead() {
		var pairing = pairedHousehold(404, TODAY.minusDays(3));
		var household = pairing.getHousehold();
		var form = aHousehold().named("新名字").in(household.getRegionCode()).withCategories(DISABLED).build();
		as("gz_admin", () -> households.update(household.getId(), household.getVersion(), form));
		assertThatThrownBy(() -> as("gz_admin", () -> households.update(household.getId(), household.getVersion(), form)))
			.isInstanceOf(OptimisticLockingFailureException.class);

		assertThatThrownBy(() -> as("gz_supervisor", () -> households.create(aHousehold().named("督导户")
			.withIdNumber(idNumber("19800101", 405))
			.in(PairingFixtures.VILLAGE_A)
			.withCategories(DISABLED)
			.build())))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(as("gz_supervisor", () -> households.get(household.getId())).getHeadName()).isEqualTo("新名字");
	}

	@Test
	void aHouseholdThatMovesTakesItsPairingsAlongAndStaysInsideItsProgramsRegion() {
		var pairing = pairedHousehold(505, TODAY.minusDays(10));
		var household = pairing.getHousehold();
		as("gz_admin", () -> pairings.recordVisit(pairing.getId(), visit(TODAY.minusDays(2)), List.of()));
		var moved = aHousehold().named(household.getHeadName())
			.in(PairingFixtures.VILLAGE_B)
			.withCategories(DISABLED)
			.build();
		as("gz_admin", () -> households.update(household.getId(), household.getVersion(), moved));
		assertThat(jdbc.queryForList("select distinct region_code from pairing where household_id = ?", String.class,
				household.getId())).containsExactly(PairingFixtures.VILLAGE_B);
		assertThat(jdbc.queryForList("select distinct region_code from visit where household_id = ?", String.class,
				household.getId())).containsExactly(PairingFixtures.VILLAGE_B);

		// A 康定市 program cannot take a household of 九龙县.
		long kangdingProgram = jdbc.queryForObject("select id from pairing_program where name = '康定市民族团结进家庭 2024'",
				Long.class);
		var cadre = as("gz_admin", () -> cadres.create(aCadre().named("九龙干部").atLevel(CadreLevel.GENERAL).build()));
		var other = as("gz_admin", () -> households.create(aHousehold().named("九龙户")
			.withIdNumber(idNumber("19710101", 506))
			.in(PairingFixtures.VILLAGE_A)
			.withCategories(HouseholdCategory.LIFTED_FROM_POVERTY)
			.build()));
		assertThatThrownBy(() -> as("gz_admin", () -> pairings.pair(kangdingProgram, cadre.getId(), other.getId(), TODAY, SubmissionTokens.fresh())))
			.isInstanceOf(BusinessRuleException.class)
			.hasMessage("pairing.error.outsideProgram");

		// Only the last four characters of an ID number may be searched: the search travels in the URL.
		assertThatThrownBy(() -> as("gz_admin", () -> households.search(
				aHouseholdQuery().containing(idNumber("19710101", 506)).build(), Pageable.unpaged())))
			.isInstanceOf(BusinessRuleException.class)
			.hasMessage("household.error.fullIdSearch");
	}

	private Pairing pairedHousehold(int sequence, LocalDate startedOn) {
		PairingFixtures.township(jdbc);
		return as("gz_admin", () -> {
			var program = pairings.createProgram(aProgram().named("规则测试计划" + sequence).targeting(DISABLED)
					.forLevels(CadreLevel.GENERAL).households(0, 5).visitedEvery(30).build());
			var household = households.create(aHousehold().named("规则户" + sequence)
				.withIdNumber(idNumber("19650505", sequence))
				.in(PairingFixtures.VILLAGE_A)
				.withCategories(DISABLED)
				.build());
			var cadre = cadres.create(aCadre().named("规则干部" + sequence).atLevel(CadreLevel.GENERAL).build());
			var pairing = pairings.pair(program.getId(), cadre.getId(), household.getId(), startedOn, SubmissionTokens.fresh());
			return pairings.get(pairing.getId());
		});
	}

	private static VisitForm visit(LocalDate on) {
		return aVisit().on(on).as(VisitKind.HOME_VISIT).by("规则干部").finding("情况").doing("措施").build();
	}

	private Map<String, String> problems(Runnable action) {
		try {
			as("gz_admin", () -> {
				action.run();
				return null;
			});
		}
		catch (InvalidInputException ex) {
			return ex.problems();
		}
		throw new AssertionError("expected the input to be refused");
	}

	private int visitCount() {
		return jdbc.queryForObject("select count(*) from visit", Integer.class);
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

}
