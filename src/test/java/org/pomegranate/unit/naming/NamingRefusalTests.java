package org.pomegranate.unit.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pomegranate.account.Role;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.unit.naming.NamingOracle.Stage;
import org.pomegranate.unit.naming.NamingOracle.Who;

/**
 * The title's own answers for every stage × step × user (11 × 11 × 9 = 1089), against the
 * {@link NamingOracle}: where it allows a step the title takes it and lands in the oracle's
 * state; where it does not, the title refuses with a message key and stays as it was.
 */
class NamingRefusalTests {

	static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

	private static final Actor DECIDER = new Actor("setup", Role.ADMIN, "51", TODAY);

	static Stream<Arguments> everyCase() {
		var cases = new ArrayList<Arguments>();
		for (var stage : Stage.values()) {
			for (var action : NamingAction.values()) {
				for (var who : Who.values()) {
					cases.add(Arguments.of(stage, action, who));
				}
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} {1} by {2}")
	@MethodSource("everyCase")
	void theTitleAllowsExactlyWhatTheIssueSays(Stage stage, NamingAction action, Who who) {
		var naming = inStage(stage);
		var actor = new Actor(who.name(), who.role, who.regionCode, TODAY);
		var before = naming.stateOn(TODAY);
		var refusal = naming.refusal(action, actor);
		if (NamingOracle.allowed(stage, action, who)) {
			assertThat(refusal).as("refusal").isEmpty();
			var event = take(naming, action, actor);
			assertThat(naming.getState()).isEqualTo(NamingOracle.stateAfter(stage, action));
			assertThat(event.getAction()).isEqualTo(action);
			assertThat(event.getToState()).isEqualTo(naming.getState());
			assertThat(event.getActor()).isEqualTo(who.name());
			if (action == NamingAction.CLEAR_FLAG) {
				assertThat(naming.isFlaggedForReview()).isFalse();
			}
		}
		else {
			assertThat(refusal).as("refusal").isPresent();
			assertThat(refusal.get()).startsWith("naming.refused.");
			if (NamingAction.USER_STEPS.contains(action)) {
				assertThatThrownBy(() -> take(naming, action, actor)).isInstanceOf(BusinessRuleException.class);
			}
			assertThat(naming.stateOn(TODAY)).isEqualTo(before);
		}
	}

	@Test
	void aRecheckMayEndInRectificationOrRevocationAndARectificationInRevocation() {
		var inspector = new Actor("sup", Role.SUPERVISOR, "5132", TODAY);
		var rectifying = inStage(Stage.UNDER_RECHECK);
		rectifying.recordRecheck(inspector, RecheckResult.RECTIFY, TODAY, TODAY.plusMonths(3), null, "台账不全");
		assertThat(rectifying.getState()).isEqualTo(NamingState.RECTIFYING);
		assertThat(rectifying.getRectifyBy()).isEqualTo(TODAY.plusMonths(3));

		var revoked = inStage(Stage.UNDER_RECHECK);
		revoked.recordRecheck(inspector, RecheckResult.REVOKE, TODAY, null, new Revocation("弄虚作假", "阿民宗〔2026〕9号", TODAY),
				"弄虚作假");
		assertThat(revoked.getState()).isEqualTo(NamingState.REVOKED);
		assertThat(revoked.getRevocationNumber()).isEqualTo("阿民宗〔2026〕9号");
		assertThat(revoked.getRevokedOn()).isEqualTo(TODAY);

		var ended = inStage(Stage.RECTIFYING);
		ended.endRectification(new Actor("admin", Role.ADMIN, "5132", TODAY), new Revocation("整改不到位", "阿民宗〔2026〕10号", TODAY),
				null);
		assertThat(ended.getState()).isEqualTo(NamingState.REVOKED);
		assertThat(ended.getRevocationReason()).isEqualTo("整改不到位");
	}

	/** A title of {@code stage}, brought there by the title's own steps. */
	static Naming inStage(Stage stage) {
		var naming = new Naming(new Holder(HolderKind.REGION, "513201100", null, null, "马尔康镇"), "民族团结进步示范乡镇",
				NamingLevel.PREFECTURE, NamingOracle.ISSUER, TODAY.minusYears(6).minusMonths(2), null, null, "setup");
		switch (stage) {
			case APPLIED -> {
			}
			case NOT_NAMED -> naming.refuse(DECIDER, "材料不全");
			case VALID_PAST_END -> naming.name(DECIDER, "阿民宗〔2020〕1号", TODAY.minusYears(6), 5, null, "ABCDEFGHJKMN");
			default -> naming.name(DECIDER, "阿民宗〔2026〕1号", TODAY.minusMonths(1), 5, null, "ABCDEFGHJKMN");
		}
		switch (stage) {
			case VALID_FLAGGED -> naming.flagForReview(TODAY, "下级命名已撤销", "system");
			case UNDER_RECHECK -> naming.startRecheck(DECIDER, TODAY, null);
			case RECTIFYING, RECTIFYING_FLAGGED -> {
				naming.startRecheck(DECIDER, TODAY, null);
				naming.recordRecheck(DECIDER, RecheckResult.RECTIFY, TODAY, TODAY.plusMonths(3), null, "整改");
				if (stage == Stage.RECTIFYING_FLAGGED) {
					naming.flagForReview(TODAY, "下级命名已撤销", "system");
				}
			}
			case EXPIRED -> naming.renewedBy("阿民宗〔2031〕1号", naming.getValidUntil().plusDays(1), "system");
			case RENEWED -> naming.renewedBy("阿民宗〔2026〕8号", TODAY, "system");
			case REVOKED -> naming.revoke(DECIDER, new Revocation("理由", "阿民宗〔2026〕2号", TODAY));
			default -> {
			}
		}
		return naming;
	}

	private static NamingEvent take(Naming naming, NamingAction action, Actor actor) {
		var revocation = new Revocation("理由", "阿民宗〔2026〕3号", TODAY);
		return switch (action) {
			case NAME -> naming.name(actor, "阿民宗〔2026〕4号", TODAY, 5, null, "ABCDEFGHJKMP");
			case REFUSE -> naming.refuse(actor, "不符合条件");
			case START_RECHECK -> naming.startRecheck(actor, TODAY.plusDays(10), null);
			case RECORD_RECHECK -> naming.recordRecheck(actor, RecheckResult.PASSED, TODAY, null, null, "良好");
			case END_RECTIFICATION -> naming.endRectification(actor, null, "整改到位");
			case REVOKE -> naming.revoke(actor, revocation);
			case CLEAR_FLAG -> naming.clearFlag(actor, "核查后保留");
			case FILE, EXPIRE, RENEWED, FLAG, MOVE, WITHDRAW -> throw new BusinessRuleException("naming.refused.system");
		};
	}

}
