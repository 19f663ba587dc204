package org.pomegranate.unit.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pomegranate.unit.naming.NamingFixtures.COUNTY_ADMIN;
import static org.pomegranate.unit.naming.NamingFixtures.PREFECTURE_ADMIN;
import static org.pomegranate.unit.naming.NamingFixtures.PROVINCE_ADMIN;
import static org.pomegranate.unit.naming.NamingFixtures.signIn;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.unit.naming.NamingForms.NoteForm;
import org.pomegranate.unit.naming.NamingForms.RecheckForm;
import org.pomegranate.unit.naming.NamingForms.RecheckResultForm;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The eligibility chain, at filing and again on the naming day: a national title needs a valid
 * provincial one of the same holder; a revoked, expired or rectifying one does not count, and the
 * refusal says in Chinese which title is missing. Revoking a lower title flags the holder's live
 * higher titles 待核查, and only the issuing level clears the flag.
 */
@IntegrationTest
class EligibilityTests {

	@Autowired
	NamingService namings;

	@Autowired
	RecheckService rechecks;

	@Autowired
	NamingRules rules;

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

	@Test
	void aNationalTitleNeedsAProvincialOneAtFiling() {
		var holder = "R:" + NamingFixtures.freshTownship(jdbc, "513201");
		signIn(users, PROVINCE_ADMIN);
		assertThat(refusal(() -> namings.file(NamingFixtures.application(holder, "全国民族团结进步示范乡镇", NamingLevel.NATIONAL, null))))
			.startsWith("命名测试乡").contains("没有有效的省级命名").contains("国家级");

		NamingFixtures.named(namings, users, PROVINCE_ADMIN, holder, "四川省民族团结进步示范乡镇", NamingLevel.PROVINCE, namings.today());
		var national = namings.file(NamingFixtures.application(holder, "全国民族团结进步示范乡镇", NamingLevel.NATIONAL, null));
		assertThat(national.getState()).isEqualTo(NamingState.APPLIED);
		assertThat(national.getIssuerRegionCode()).isEqualTo("51");
	}

	@Test
	void aRevokedLowerTitleFailsTheNamingAndSaysWhichTitle() {
		var holder = "R:" + NamingFixtures.freshTownship(jdbc, "513201");
		var today = namings.today();
		var provincial = NamingFixtures.named(namings, users, PROVINCE_ADMIN, holder, "四川省民族团结进步示范乡镇", NamingLevel.PROVINCE,
				today);
		var national = namings.file(NamingFixtures.application(holder, "全国民族团结进步示范乡镇", NamingLevel.NATIONAL, null));
		namings.revoke(provincial.getId(), NamingFixtures.revocation("川民宗〔2026〕9号", today, provincial.getVersion()));

		assertThat(refusal(() -> namings.name(national.getId(), NamingFixtures.naming("国家民委〔2026〕1号", today,
				national.getVersion()))))
			.contains("省级命名「四川省民族团结进步示范乡镇」已撤销").contains("国家级");
		assertThat(namings.get(national.getId()).getState()).isEqualTo(NamingState.APPLIED);
	}

	@Test
	void aLowerTitleThatExpiredBetweenFilingAndNamingFailsTheNaming() {
		var holder = "R:" + NamingFixtures.freshTownship(jdbc, "513201");
		var today = namings.today();
		var provincial = NamingFixtures.named(namings, users, PROVINCE_ADMIN, holder, "四川省民族团结进步示范乡镇", NamingLevel.PROVINCE,
				today.minusYears(5).plusDays(3));
		var national = namings.file(NamingFixtures.application(holder, "全国民族团结进步示范乡镇", NamingLevel.NATIONAL, null,
				today.minusDays(2)));
		// Applied for two days ago, while it was held; the decision comes after it ran out.
		assertThat(provincial.getValidUntil()).isEqualTo(today.plusDays(2));
		jdbc.update("update naming set valid_until = ? where id = ?", today.minusDays(1), provincial.getId());

		assertThat(refusal(() -> namings.name(national.getId(), NamingFixtures.naming("国家民委〔2026〕2号", today,
				national.getVersion()))))
			.contains("省级命名「四川省民族团结进步示范乡镇」已到期");
		// A decision dated while it was held names it: the chain is checked on the naming day.
		var named = namings.name(national.getId(), NamingFixtures.naming("国家民委〔2026〕2号", today.minusDays(1),
				national.getVersion()));
		assertThat(named.getState()).isEqualTo(NamingState.VALID);
	}

	@Test
	void aProvincialTitleUnderRectificationDoesNotCount() {
		var holder = "R:" + NamingFixtures.freshTownship(jdbc, "513201");
		var today = namings.today();
		var provincial = NamingFixtures.named(namings, users, PROVINCE_ADMIN, holder, "四川省民族团结进步示范乡镇", NamingLevel.PROVINCE,
				today);
		var recheck = rechecks.start(provincial.getId(), new RecheckForm(RecheckKind.AD_HOC, today.toString(), null,
				provincial.getVersion()));
		// 复查中 still counts.
		var national = namings.file(NamingFixtures.application(holder, "全国民族团结进步示范乡镇", NamingLevel.NATIONAL, null));
		rechecks.recordResult(recheck.getId(), new RecheckResultForm(today.toString(), "省检查组", "问题", RecheckResult.RECTIFY,
				today.plusMonths(2).toString(), null, null, null, recheck.getVersion()));
		assertThat(refusal(() -> namings.name(national.getId(), NamingFixtures.naming("国家民委〔2026〕3号", today,
				national.getVersion()))))
			.contains("限期整改");
	}

	@Test
	void theLevelRulesSetTheLowerTitleNeededAndTheYears() {
		var holder = "R:" + NamingFixtures.freshTownship(jdbc, "513201");
		var today = namings.today();
		signIn(users, PROVINCE_ADMIN);
		var before = rules.of("51", NamingLevel.PROVINCE);
		assertThat(before.needsLower()).as("by default a provincial title needs no prefecture one").isFalse();
		try {
			var changed = rules.change(NamingLevel.PROVINCE, 3, true, false, before.getVersion());
			assertThat(changed.needsLower()).isTrue();
			assertThat(refusal(() -> namings.file(NamingFixtures.application(holder, "四川省示范乡镇", NamingLevel.PROVINCE, null))))
				.contains("没有有效的州级命名");
			NamingFixtures.named(namings, users, PREFECTURE_ADMIN, holder, "阿坝州示范乡镇", NamingLevel.PREFECTURE, today);
			var provincial = NamingFixtures.named(namings, users, PROVINCE_ADMIN, holder, "四川省示范乡镇", NamingLevel.PROVINCE, today);
			assertThat(provincial.getValidUntil()).as("three years by the rule").isEqualTo(Validity.until(today, 3));
			// A national title's rule always asks for the provincial one, whatever is sent.
			var national = rules.change(NamingLevel.NATIONAL, 5, false, false, rules.of("51", NamingLevel.NATIONAL).getVersion());
			assertThat(national.needsLower()).isTrue();
			assertThatThrownBy(() -> rules.change(NamingLevel.PREFECTURE, 5, false, false, 0)).isInstanceOf(BusinessRuleException.class)
				.hasMessage("naming.rules.error.level");
			assertThatThrownBy(() -> rules.change(NamingLevel.PROVINCE, 11, false, false, 1)).isInstanceOf(BusinessRuleException.class);
		}
		finally {
			signIn(users, PROVINCE_ADMIN);
			rules.change(NamingLevel.PROVINCE, 5, false, false, rules.of("51", NamingLevel.PROVINCE).getVersion());
		}
	}

	@Test
	void aLowerTitleThatNoOneCanIssueToTheHolderIsNotAskedFor() {
		signIn(users, PROVINCE_ADMIN);
		var before = rules.of("51", NamingLevel.PROVINCE);
		try {
			rules.change(NamingLevel.PROVINCE, 5, true, false, before.getVersion());
			// 阿坝州 itself: a 州级 title is given by a prefecture to what lies below it, never to a prefecture.
			var title = NamingFixtures.title();
			var filed = namings.file(NamingFixtures.application("R:5132", title, NamingLevel.PROVINCE, null));
			assertThat(filed.getState()).isEqualTo(NamingState.APPLIED);
			namings.refuse(filed.getId(), new NoteForm("测试完毕", filed.getVersion()));
			// A township can hold a 州级 title, so it still needs one.
			var township = "R:" + NamingFixtures.freshTownship(jdbc, "513201");
			assertThat(refusal(() -> namings.file(NamingFixtures.application(township, title, NamingLevel.PROVINCE, null))))
				.contains("没有有效的州级命名");
		}
		finally {
			signIn(users, PROVINCE_ADMIN);
			rules.change(NamingLevel.PROVINCE, 5, false, false, rules.of("51", NamingLevel.PROVINCE).getVersion());
		}
	}

	@Test
	void revokingALowerTitleFlagsTheHigherOnesForTheirIssuersToDecide() {
		var holder = "R:" + NamingFixtures.freshTownship(jdbc, "513201");
		var today = namings.today();
		var county = NamingFixtures.named(namings, users, COUNTY_ADMIN, holder, "马尔康市示范乡镇", NamingLevel.COUNTY, today);
		var prefecture = NamingFixtures.named(namings, users, PREFECTURE_ADMIN, holder, "阿坝州示范乡镇", NamingLevel.PREFECTURE,
				today);
		var province = NamingFixtures.named(namings, users, PROVINCE_ADMIN, holder, "四川省示范乡镇", NamingLevel.PROVINCE, today);

		signIn(users, COUNTY_ADMIN);
		namings.revoke(county.getId(), NamingFixtures.revocation("马民宗〔2026〕5号", today, county.getVersion()));

		var flaggedPrefecture = namings.get(prefecture.getId());
		assertThat(flaggedPrefecture.getReviewFlaggedOn()).isEqualTo(today);
		assertThat(flaggedPrefecture.getState()).as("never revoked by itself").isEqualTo(NamingState.VALID);
		assertThat(namings.history(prefecture.getId()).get(2).getAction()).isEqualTo(NamingAction.FLAG);
		assertThat(namings.history(prefecture.getId()).get(2).getNote()).contains("马民宗〔2026〕5号");
		// The county cannot clear the prefecture's flag; the prefecture's admin keeps its title with a note.
		assertThat(namings.allowedActions(flaggedPrefecture)).doesNotContain(NamingAction.CLEAR_FLAG);
		signIn(users, PREFECTURE_ADMIN);
		assertThat(namings.allowedActions(flaggedPrefecture)).contains(NamingAction.CLEAR_FLAG, NamingAction.REVOKE);
		var cleared = namings.clearFlag(prefecture.getId(), new NoteForm("核查后保留：州级创建工作持续开展", flaggedPrefecture.getVersion()));
		assertThat(cleared.isFlaggedForReview()).isFalse();
		assertThat(namings.get(province.getId()).isFlaggedForReview()).as("the province's own flag stays").isTrue();
		assertThatThrownBy(() -> namings.clearFlag(province.getId(), new NoteForm("x", namings.get(province.getId()).getVersion())))
			.isInstanceOf(BusinessRuleException.class)
			.hasMessage("naming.refused.issuer");
	}

	private String refusal(Runnable call) {
		try {
			call.run();
		}
		catch (BusinessRuleException ex) {
			return labels.text(ex.messageKey(), ex.arguments());
		}
		throw new AssertionError("not refused");
	}

}
