package org.pomegranate.unit.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pomegranate.unit.naming.NamingFixtures.COUNTY_ADMIN;
import static org.pomegranate.unit.naming.NamingFixtures.COUNTY_STAFF;
import static org.pomegranate.unit.naming.NamingFixtures.PREFECTURE_ADMIN;
import static org.pomegranate.unit.naming.NamingFixtures.PREFECTURE_SUPERVISOR;
import static org.pomegranate.unit.naming.NamingFixtures.signIn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pomegranate.IntegrationTest;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.InvalidInputException;
import org.pomegranate.unit.naming.NamingForms.EndRectificationForm;
import org.pomegranate.unit.naming.NamingForms.NoteForm;
import org.pomegranate.unit.naming.NamingForms.RecheckForm;
import org.pomegranate.unit.naming.NamingForms.RecheckResultForm;
import org.pomegranate.unit.naming.NamingOracle.Stage;
import org.pomegranate.unit.naming.NamingOracle.Who;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The workflow through the services, against the real database: each step lets in only the roles
 * of its {@code @PreAuthorize}, asks the title (judged by the same {@link NamingOracle} as the
 * aggregate's exhaustive test), refuses a form opened on an older version, and writes the state,
 * the history row and the audit row. The title is a 州级 title of 阿坝州 held by a fresh township
 * of 马尔康市.
 */
@IntegrationTest
class NamingWorkflowTests {

	/** The test's users, as the oracle knows them. */
	private static final Who[] USERS = { Who.ISSUER_ADMIN, Who.ISSUER_SUPERVISOR, Who.COUNTY_ADMIN, Who.COUNTY_STAFF };

	/** A stage in which each step is allowed to someone. */
	private static Stage allowingStage(NamingAction action) {
		return switch (action) {
			case NAME, REFUSE -> Stage.APPLIED;
			case START_RECHECK, REVOKE -> Stage.VALID;
			case RECORD_RECHECK -> Stage.UNDER_RECHECK;
			case END_RECTIFICATION -> Stage.RECTIFYING;
			case CLEAR_FLAG -> Stage.VALID_FLAGGED;
			default -> throw new IllegalArgumentException(action.name());
		};
	}

	static Stream<Arguments> representativeCases() {
		var cases = new ArrayList<Arguments>();
		for (var action : NamingAction.USER_STEPS) {
			for (var who : USERS) {
				cases.add(Arguments.of(action, who));
			}
		}
		return cases.stream();
	}

	@Autowired
	NamingService namings;

	@Autowired
	RecheckService rechecks;

	@Autowired
	NamingRepository repository;

	@Autowired
	ExpirySweep sweep;

	@Autowired
	NamingLabels labels;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@BeforeEach
	void users() {
		NamingFixtures.users(jdbc);
		NamingFixtures.signIn(users, NamingFixtures.PREFECTURE_ADMIN);
	}

	@AfterEach
	void signOut() {
		NamingFixtures.signOut();
	}

	@ParameterizedTest(name = "{0} by {1}")
	@MethodSource("representativeCases")
	void theServicesTakeExactlyTheStepsTheTitleAllows(NamingAction action, Who who) {
		var stage = allowingStage(action);
		var naming = inStage(stage);
		long eventsBefore = events(naming.getId());
		long auditedBefore = audited(naming.getId());
		signIn(users, username(who));
		var call = (Runnable) () -> take(action, naming);
		if (NamingOracle.allowed(stage, action, who)) {
			call.run();
			var expected = NamingOracle.stateAfter(stage, action);
			assertThat(stateInDatabase(naming.getId())).isEqualTo(expected.name());
			assertThat(jdbc.queryForObject("select count(*) from naming_event where naming_id = ? and action = ?", Long.class,
					naming.getId(), action.name())).isEqualTo(1);
			assertThat(audited(naming.getId())).isEqualTo(auditedBefore + 1);
		}
		else {
			var letIn = switch (action) {
				case START_RECHECK, RECORD_RECHECK -> who.role.name().equals("ADMIN") || who.role.name().equals("SUPERVISOR");
				default -> who.role.name().equals("ADMIN");
			};
			if (letIn) {
				assertThatThrownBy(call::run).isInstanceOf(BusinessRuleException.class).hasMessageStartingWith("naming.refused.");
			}
			else {
				assertThatThrownBy(call::run).isInstanceOf(AccessDeniedException.class);
			}
			assertThat(stateInDatabase(naming.getId())).isEqualTo(naming.getState().name());
			assertThat(events(naming.getId())).isEqualTo(eventsBefore);
		}
	}

	@Test
	void aTitleGoesThroughItsLifeWithItsHistory() {
		var township = NamingFixtures.freshTownship(jdbc, "513201");
		signIn(users, COUNTY_STAFF);
		var filed = namings.file(NamingFixtures.application("R:" + township, NamingFixtures.title(), NamingLevel.PREFECTURE, null));
		assertThat(filed.getState()).isEqualTo(NamingState.APPLIED);
		assertThat(filed.getIssuerRegionCode()).isEqualTo("5132");
		assertThat(filed.getHolderName()).startsWith("命名测试乡");

		signIn(users, PREFECTURE_ADMIN);
		var today = namings.today();
		var named = namings.name(filed.getId(), NamingFixtures.naming("阿民宗〔2026〕1号", today, filed.getVersion()));
		assertThat(named.getState()).isEqualTo(NamingState.VALID);
		assertThat(named.getValidUntil()).isEqualTo(Validity.until(today, 5));
		assertThat(VerificationCodes.isWellFormed(named.getVerificationCode())).isTrue();
		assertThatThrownBy(() -> namings.revoke(named.getId(), NamingFixtures.revocation("阿民宗〔2026〕2号", today, 0)))
			.as("a form opened before the naming")
			.isInstanceOf(OptimisticLockingFailureException.class);

		signIn(users, PREFECTURE_SUPERVISOR);
		var peer = jdbc.queryForObject("select min(code) from region where parent_code = '513221'", String.class);
		assertThatThrownBy(() -> rechecks.start(named.getId(), new RecheckForm(RecheckKind.MUTUAL, today.toString(), "513221",
				named.getVersion())))
			.as("a county is no peer of a township")
			.isInstanceOf(InvalidInputException.class);
		var recheck = rechecks.start(named.getId(), new RecheckForm(RecheckKind.MUTUAL, today.toString(), peer, named.getVersion()));
		assertThat(recheck.getInspectorRegions()).isEqualTo(peer);
		assertThat(namings.get(named.getId()).getState()).isEqualTo(NamingState.UNDER_RECHECK);
		var rectifying = rechecks.recordResult(recheck.getId(), new RecheckResultForm(today.toString(), "松岗镇检查组", "台账不全",
				RecheckResult.RECTIFY, today.plusMonths(3).toString(), null, null, null, recheck.getVersion()));
		assertThat(rectifying.getState()).isEqualTo(NamingState.RECTIFYING);
		assertThat(rectifying.getRectifyBy()).isEqualTo(today.plusMonths(3));

		signIn(users, PREFECTURE_ADMIN);
		var valid = namings.endRectification(named.getId(), new EndRectificationForm(true, null, null, null,
				rectifying.getVersion()));
		assertThat(valid.getState()).isEqualTo(NamingState.VALID);
		var revoked = namings.revoke(named.getId(), NamingFixtures.revocation("阿民宗〔2026〕9号", today, valid.getVersion()));
		assertThat(revoked.getState()).isEqualTo(NamingState.REVOKED);

		var history = namings.history(named.getId());
		assertThat(history).extracting(NamingEvent::getAction)
			.containsExactly(NamingAction.FILE, NamingAction.NAME, NamingAction.START_RECHECK, NamingAction.RECORD_RECHECK,
					NamingAction.END_RECTIFICATION, NamingAction.REVOKE);
		assertThat(history).extracting(NamingEvent::getToState)
			.containsExactly(NamingState.APPLIED, NamingState.VALID, NamingState.UNDER_RECHECK, NamingState.RECTIFYING,
					NamingState.VALID, NamingState.REVOKED);
		assertThat(history.get(5).getDocumentNumber()).isEqualTo("阿民宗〔2026〕9号");
		assertThat(history.get(0).getActor()).isEqualTo(COUNTY_STAFF);
		// The history is append-only, and a revoked title stays.
		assertThatThrownBy(() -> jdbc.update("update naming_event set note = 'x' where naming_id = ?", named.getId()))
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.update("delete from naming_event where naming_id = ?", named.getId()))
			.hasMessageContaining("append-only");
	}

	@Test
	void aRenewalNamedOnTheLastDayEndsTheOldTitleWithoutAGap() {
		var holder = "R:" + NamingFixtures.freshTownship(jdbc, "513201");
		var today = namings.today();
		var title = NamingFixtures.title();
		var old = NamingFixtures.named(namings, users, PREFECTURE_ADMIN, holder, title, NamingLevel.PREFECTURE,
				today.minusYears(5).plusDays(1));
		assertThat(old.getValidUntil()).as("today is its last day").isEqualTo(today);
		assertThatThrownBy(() -> namings.file(NamingFixtures.application(holder, title, NamingLevel.PREFECTURE, null)))
			.as("the same title again without saying it renews the held one")
			.isInstanceOf(InvalidInputException.class);
		var renewal = namings.file(NamingFixtures.application(holder, title, NamingLevel.PREFECTURE, old.getId()));
		assertThat(renewal.getRenewsId()).isEqualTo(old.getId());
		var named = namings.name(renewal.getId(), NamingFixtures.naming("阿民宗〔2026〕30号", today, renewal.getVersion()));
		assertThat(named.getNamedOn()).isEqualTo(today);
		assertThat(named.getValidUntil()).isEqualTo(Validity.until(today, 5));
		var ended = namings.get(old.getId());
		assertThat(ended.getState()).isEqualTo(NamingState.RENEWED);
		assertThat(namings.history(old.getId())).last().extracting(NamingEvent::getAction, NamingEvent::getDocumentNumber)
			.containsExactly(NamingAction.RENEWED, "阿民宗〔2026〕30号");
		// Held every day: the old title through yesterday, the renewal from today.
		assertThat(old.getValidUntil()).isAfterOrEqualTo(named.getNamedOn().minusDays(1));
	}

	@Test
	void onlyAValidOrExpiredTitleIsRenewed() {
		for (var stage : List.of(Stage.UNDER_RECHECK, Stage.RECTIFYING)) {
			var old = inStage(stage);
			assertThat(namings.renewable(old.holder())).as(stage.name()).isEmpty();
			assertThatThrownBy(() -> namings.file(NamingFixtures.application(old.holder().key(), old.getTitle(),
					NamingLevel.PREFECTURE, old.getId())))
				.as(stage.name())
				.isInstanceOfSatisfying(InvalidInputException.class,
						ex -> assertThat(ex.problems()).containsEntry("renews", "naming.error.renews"));
		}
		// Filed while valid, the renewal is not named once the old title has gone under re-check.
		var old = inStage(Stage.VALID);
		var renewal = namings.file(NamingFixtures.application(old.holder().key(), old.getTitle(), NamingLevel.PREFECTURE,
				old.getId()));
		signIn(users, PREFECTURE_SUPERVISOR);
		var today = namings.today();
		rechecks.start(old.getId(), new RecheckForm(RecheckKind.AD_HOC, today.toString(), null, old.getVersion()));
		signIn(users, PREFECTURE_ADMIN);
		assertThatThrownBy(() -> namings.name(renewal.getId(), NamingFixtures.naming("阿民宗〔2026〕31号", today,
				renewal.getVersion())))
			.isInstanceOfSatisfying(BusinessRuleException.class,
					ex -> assertThat(labels.text(ex.messageKey(), ex.arguments())).contains("复查中", old.getTitle()));
		assertThat(stateInDatabase(old.getId())).isEqualTo("UNDER_RECHECK");
		assertThat(stateInDatabase(renewal.getId())).isEqualTo("APPLIED");
	}

	@Test
	void aTitleThatLeavesReCheckAnotherWayClosesItsReCheck() {
		var revoked = inStage(Stage.UNDER_RECHECK);
		var revokedCheck = rechecks.openRecheck(revoked.getId());
		namings.revoke(revoked.getId(), NamingFixtures.revocation("阿民宗〔2026〕40号", namings.today(), revoked.getVersion()));
		assertThat(rechecks.openRecheck(revoked.getId())).isNull();
		assertThat(rechecks.recheck(revokedCheck.getId()).isOpen()).isFalse();

		var expired = inStage(Stage.UNDER_RECHECK);
		jdbc.update("update naming set valid_until = current_date - 1 where id = ?", expired.getId());
		sweep.sweep(namings.today());
		assertThat(stateInDatabase(expired.getId())).isEqualTo("EXPIRED");
		assertThat(rechecks.openRecheck(expired.getId())).isNull();

		// Past its last day while under re-check it reads 已到期, and may be renewed; the renewal ends it and its re-check.
		var lapsed = inStage(Stage.UNDER_RECHECK);
		jdbc.update("update naming set valid_until = current_date - 1 where id = ?", lapsed.getId());
		var renewal = namings.file(NamingFixtures.application(lapsed.holder().key(), lapsed.getTitle(), NamingLevel.PREFECTURE,
				lapsed.getId()));
		namings.name(renewal.getId(), NamingFixtures.naming("阿民宗〔2026〕41号", namings.today(), renewal.getVersion()));
		assertThat(stateInDatabase(lapsed.getId())).isEqualTo("EXPIRED");
		assertThat(rechecks.openRecheck(lapsed.getId())).isNull();
	}

	@Test
	void datesFollowOneAnotherFromApplicationToRevocation() {
		var today = namings.today();
		var applied = inStage(Stage.APPLIED);
		assertThat(problems(() -> namings.name(applied.getId(), NamingFixtures.naming("阿民宗〔2026〕50号", today.minusDays(1),
				applied.getVersion()))))
			.containsEntry("namedOn", "naming.error.namedBeforeApplied");
		assertThat(labels.text("naming.error.namedBeforeApplied")).contains("命名日期", "申报日期");

		var valid = namings.name(applied.getId(), NamingFixtures.naming("阿民宗〔2026〕50号", today, applied.getVersion()));
		assertThat(problems(() -> namings.revoke(valid.getId(), NamingFixtures.revocation("阿民宗〔2026〕51号", today.minusDays(1),
				valid.getVersion()))))
			.containsEntry("revokedOn", "naming.error.revokedBeforeNamed");
		assertThat(labels.text("naming.error.revokedBeforeNamed")).contains("撤销日期", "命名日期");

		// A title named ten days ago, found wanting by a re-check three days ago.
		var township = NamingFixtures.freshTownship(jdbc, "513201");
		var checked = NamingFixtures.named(namings, users, PREFECTURE_ADMIN, "R:" + township, NamingFixtures.title(),
				NamingLevel.PREFECTURE, today.minusDays(10));
		signIn(users, PREFECTURE_SUPERVISOR);
		var recheck = rechecks.start(checked.getId(), new RecheckForm(RecheckKind.AD_HOC, today.minusDays(3).toString(), null,
				checked.getVersion()));
		assertThat(problems(() -> rechecks.recordResult(recheck.getId(), new RecheckResultForm(today.minusDays(3).toString(),
				"检查组", "弄虚作假", RecheckResult.REVOKE, null, "弄虚作假", "阿民宗〔2026〕52号", today.minusDays(4).toString(),
				recheck.getVersion()))))
			.containsEntry("revokedOn", "naming.error.revokedBeforeRechecked");
		var rectifying = rechecks.recordResult(recheck.getId(), new RecheckResultForm(today.minusDays(3).toString(), "检查组",
				"台账不全", RecheckResult.RECTIFY, today.plusMonths(1).toString(), null, null, null, recheck.getVersion()));
		signIn(users, PREFECTURE_ADMIN);
		assertThat(problems(() -> namings.endRectification(checked.getId(), new EndRectificationForm(false, "整改不到位",
				"阿民宗〔2026〕53号", today.minusDays(5).toString(), rectifying.getVersion()))))
			.containsEntry("revokedOn", "naming.error.revokedBeforeRechecked");
		assertThat(labels.text("naming.error.revokedBeforeRechecked")).contains("撤销日期", "复查日期");
		assertThat(stateInDatabase(checked.getId())).isEqualTo("RECTIFYING");
		var revoked = namings.endRectification(checked.getId(), new EndRectificationForm(false, "整改不到位", "阿民宗〔2026〕53号",
				today.minusDays(3).toString(), rectifying.getVersion()));
		assertThat(revoked.getState()).isEqualTo(NamingState.REVOKED);
	}

	@Test
	void aRevocationNeedsItsReasonNumberAndDate() {
		var naming = inStage(Stage.VALID);
		signIn(users, PREFECTURE_ADMIN);
		assertThatThrownBy(() -> namings.revoke(naming.getId(), new NamingForms.RevokeForm("理由", "", namings.today().toString(),
				naming.getVersion())))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> namings.endRectification(naming.getId(), new EndRectificationForm(false, "理由", null, null,
				naming.getVersion())))
			.isInstanceOf(BusinessRuleException.class);
		assertThat(stateInDatabase(naming.getId())).isEqualTo("VALID");
	}

	/** A 州级 title of a fresh township of 马尔康市 in {@code stage}, brought there through the services. */
	private Naming inStage(Stage stage) {
		var township = NamingFixtures.freshTownship(jdbc, "513201");
		signIn(users, PREFECTURE_ADMIN);
		var naming = namings.file(NamingFixtures.application("R:" + township, NamingFixtures.title(), NamingLevel.PREFECTURE, null));
		if (stage == Stage.APPLIED) {
			return naming;
		}
		var today = namings.today();
		naming = namings.name(naming.getId(), NamingFixtures.naming("阿民宗〔2026〕1号", today, naming.getVersion()));
		if (stage == Stage.VALID_FLAGGED) {
			// A lower (县级) title of the same holder revoked flags it.
			signIn(users, COUNTY_ADMIN);
			var lower = NamingFixtures.named(namings, users, COUNTY_ADMIN, "R:" + township, NamingFixtures.title(),
					NamingLevel.COUNTY, today);
			namings.revoke(lower.getId(), NamingFixtures.revocation("马民宗〔2026〕1号", today, lower.getVersion()));
			return repository.findById(naming.getId()).orElseThrow();
		}
		if (stage == Stage.VALID) {
			return naming;
		}
		var recheck = rechecks.start(naming.getId(), new RecheckForm(RecheckKind.AD_HOC, today.toString(), null,
				naming.getVersion()));
		naming = namings.get(naming.getId());
		if (stage == Stage.UNDER_RECHECK) {
			return naming;
		}
		return rechecks.recordResult(recheck.getId(), new RecheckResultForm(today.toString(), "检查组", "整改", RecheckResult.RECTIFY,
				today.plusMonths(3).toString(), null, null, null, recheck.getVersion()));
	}

	private void take(NamingAction action, Naming naming) {
		var today = namings.today();
		long version = naming.getVersion();
		switch (action) {
			case NAME -> namings.name(naming.getId(), NamingFixtures.naming("阿民宗〔2026〕3号", today, version));
			case REFUSE -> namings.refuse(naming.getId(), new NoteForm("材料不全", version));
			case START_RECHECK -> rechecks.start(naming.getId(), new RecheckForm(RecheckKind.AD_HOC, today.toString(), null, version));
			case RECORD_RECHECK -> {
				var recheck = rechecks.openRecheck(naming.getId());
				rechecks.recordResult(recheck.getId(), new RecheckResultForm(today.toString(), "检查组", "良好", RecheckResult.PASSED,
						null, null, null, null, recheck.getVersion()));
			}
			case END_RECTIFICATION -> namings.endRectification(naming.getId(), new EndRectificationForm(true, null, null, null,
					version));
			case REVOKE -> namings.revoke(naming.getId(), NamingFixtures.revocation("阿民宗〔2026〕4号", today, version));
			case CLEAR_FLAG -> namings.clearFlag(naming.getId(), new NoteForm("核查后保留", version));
			default -> throw new IllegalArgumentException(action.name());
		}
	}

	private static String username(Who who) {
		return switch (who) {
			case ISSUER_ADMIN -> PREFECTURE_ADMIN;
			case ISSUER_SUPERVISOR -> PREFECTURE_SUPERVISOR;
			case COUNTY_ADMIN -> COUNTY_ADMIN;
			case COUNTY_STAFF -> COUNTY_STAFF;
			default -> throw new IllegalArgumentException(who.name());
		};
	}

	private static Map<String, String> problems(Runnable call) {
		try {
			call.run();
		}
		catch (InvalidInputException ex) {
			return ex.problems();
		}
		throw new AssertionError("not refused");
	}

	private String stateInDatabase(long id) {
		return jdbc.queryForObject("select state from naming where id = ?", String.class, id);
	}

	private long audited(long id) {
		return jdbc.queryForObject("select count(*) from audit_event where entity_type = 'Naming' and entity_id = ?", Long.class,
				String.valueOf(id));
	}

	private long events(long id) {
		return jdbc.queryForObject("select count(*) from naming_event where naming_id = ?", Long.class, id);
	}

}
