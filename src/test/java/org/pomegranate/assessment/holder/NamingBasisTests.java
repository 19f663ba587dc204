package org.pomegranate.assessment.holder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pomegranate.assessment.holder.AssessmentFixtures.GZ_ADMIN;
import static org.pomegranate.assessment.holder.AssessmentFixtures.KD_STAFF;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.assessment.workflow.AssessmentDrafts;
import org.pomegranate.assessment.workflow.Purpose;
import org.pomegranate.shared.InvalidInputException;
import org.pomegranate.unit.naming.Holder;
import org.pomegranate.unit.naming.HolderKind;
import org.pomegranate.unit.naming.NamingForms.ApplicationForm;
import org.pomegranate.unit.naming.NamingLevel;
import org.pomegranate.unit.naming.NamingRules;
import org.pomegranate.unit.naming.NamingService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A title resting on an assessment: where 甘孜州's rule for prefecture titles requires it, 康定市's
 * application names a confirmed assessment of 康定市 that passed, or is refused in Chinese on that
 * field; one that did not pass, or of another county, is refused too; the title keeps the link,
 * and a 复查 of 康定市 is scored against that assessment as its baseline.
 */
@IntegrationTest
class NamingBasisTests {

	private static final String TITLE = "民族团结进步示范县（测评依据测试）";

	@Autowired
	NamingService namings;

	@Autowired
	NamingRules rules;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	MockMvc mvc;

	@Autowired
	AssessmentDrafts drafts;

	long passed;

	long failed;

	long elsewhere;

	@BeforeEach
	void ruleAndAssessments() {
		AssessmentFixtures.users(jdbc);
		AssessmentFixtures.clear(jdbc);
		requireAssessment(true);
		var framework = AssessmentFixtures.demoCountyFramework(jdbc);
		passed = confirmed(framework, "513301", "康定市", 2025, true);
		failed = confirmed(framework, "513301", "康定市", 2024, false);
		elsewhere = confirmed(framework, "513322", "泸定县", 2025, true);
	}

	@AfterEach
	void clear() {
		// The naming's history is append-only (a trigger); this title is the test's own.
		jdbc.execute("set session_replication_role = replica; "
				+ "delete from naming_event where naming_id in (select id from naming where title = '" + TITLE + "'); "
				+ "delete from naming where title = '" + TITLE + "'; set session_replication_role = origin");
		AssessmentFixtures.clear(jdbc);
		requireAssessment(false);
	}

	@Test
	void anApplicationNamesAConfirmedPassedAssessmentOfItsHolder() throws Exception {
		AssessmentFixtures.signIn(users, KD_STAFF);
		try {
			assertThatThrownBy(() -> namings.file(application(null)))
				.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.problems().toString())
					.contains("assessmentId", "naming.error.assessmentRequired"));
			for (var wrong : new long[] { failed, elsewhere, Long.MAX_VALUE }) {
				assertThatThrownBy(() -> namings.file(application(wrong)))
					.isInstanceOfSatisfying(InvalidInputException.class,
							ex -> assertThat(ex.problems().toString()).contains("naming.error.assessment"));
			}
			assertThat(namings.assessmentsFor(new Holder(HolderKind.REGION, "513301", null, null, "康定市"))).extracting(basis -> basis.id()).containsExactly(passed);
			var naming = namings.file(application(passed));
			assertThat(naming.getAssessmentId()).isEqualTo(passed);
			var page = mvc.perform(get("/namings/" + naming.getId()).with(user(users.loadUserByUsername(KD_STAFF)))
				.header("Accept-Language", "zh-CN")).andReturn().getResponse().getContentAsString();
			assertThat(page).contains("id=\"assessment-link\" href=\"/assessments/" + passed + "\"");
			var form = mvc.perform(get("/namings/new").param("holder", "R:513301").with(user(users.loadUserByUsername(KD_STAFF)))
				.header("Accept-Language", "zh-CN")).andReturn().getResponse().getContentAsString();
			assertThat(form).contains("<option value=\"" + passed + "\">康定市 2025 年 · 示范县测评指标（演示） 第1版 · 采用总分 93.5</option>")
				.doesNotContain("value=\"" + failed + "\"").doesNotContain("value=\"" + elsewhere + "\"");
		}
		finally {
			AssessmentFixtures.signOut();
		}
	}

	@Test
	void aRecheckIsScoredAgainstTheLastConfirmedAssessmentThatPassed() throws Exception {
		AssessmentFixtures.signIn(users, KD_STAFF);
		try {
			var recheck = drafts.create(AssessmentFixtures.newAssessment(AssessmentFixtures.demoCountyFramework(jdbc), 2026,
					Purpose.RECHECK));
			assertThat(recheck.getBaselineId()).isEqualTo(passed);
			var selfCheck = drafts.create(AssessmentFixtures.newAssessment(AssessmentFixtures.demoCountyFramework(jdbc), 2026,
					Purpose.SELF_CHECK));
			assertThat(selfCheck.getBaselineId()).isNull();
			var page = mvc.perform(get("/assessments/" + recheck.getId()).with(user(users.loadUserByUsername(KD_STAFF)))
				.header("Accept-Language", "zh-CN")).andReturn().getResponse().getContentAsString();
			assertThat(page).contains("id=\"baseline-link\" href=\"/assessments/" + passed + "\"");
		}
		finally {
			AssessmentFixtures.signOut();
		}
	}

	private ApplicationForm application(Long assessmentId) {
		return new ApplicationForm(UUID.randomUUID(), "R:513301", TITLE, NamingLevel.PREFECTURE, "申报材料", null, null,
				assessmentId);
	}

	private void requireAssessment(boolean required) {
		AssessmentFixtures.signIn(users, GZ_ADMIN);
		try {
			var rule = rules.of("5133", NamingLevel.PREFECTURE);
			rules.change(NamingLevel.PREFECTURE, rule.getValidityYears(), rule.isRequiresLower(), required, rule.getVersion());
		}
		finally {
			AssessmentFixtures.signOut();
		}
	}

	private long confirmed(long framework, String region, String name, int year, boolean pass) {
		return jdbc.queryForObject("""
				insert into assessment (framework_id, holder_kind, holder_region_code, holder_name, year, purpose, state,
				                        approvals, confirmed_at, adopted_total, vetoed, passed, created_by)
				values (?, 'REGION', ?, ?, ?, 'APPLICATION', 'CONFIRMED', 2, now(), ?, false, ?, 'as_naming')
				returning id""", Long.class, framework, region, name, year, pass ? new java.math.BigDecimal("93.5")
				: new java.math.BigDecimal("81"), pass);
	}

}
