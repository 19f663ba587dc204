package org.pomegranate.assessment.review;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;

import org.pomegranate.assessment.framework.NodeLevel;
import org.pomegranate.assessment.workflow.AssessmentDrafts;
import org.pomegranate.assessment.workflow.AssessmentForms.NewAssessmentForm;
import org.pomegranate.assessment.workflow.AssessmentForms.SelfScoreForm;
import org.pomegranate.assessment.workflow.AssessmentSheet;
import org.pomegranate.assessment.workflow.Purpose;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The accounts and the submitted assessment the 第三方评估 tests start from, and their clean-up. */
final class ReviewFixtures {

	static final String KANGDING = "513301";

	/** The holder's staff and admin in 康定市, an admin of 泸定县, of these tests only. */
	static final String KD_STAFF = "rv_kd_staff";

	static final String KD_ADMIN = "rv_kd_admin";

	static final String LD_ADMIN = "rv_ld_admin";

	/** The prefecture's admin of the demo data, above 康定市. */
	static final String GZ_ADMIN = "gz_admin";

	/** Reviewer accounts at 甘孜州, of these tests only. */
	static final String REVIEWER = "rv_t_reviewer";

	static final String OTHER_REVIEWER = "rv_t_other";

	/** The institutions these tests register are named so. */
	static final String INSTITUTION = "评估测试机构";

	private ReviewFixtures() {
	}

	static void users(JdbcTemplate jdbc) {
		user(jdbc, KD_STAFF, "STAFF", KANGDING);
		user(jdbc, KD_ADMIN, "ADMIN", KANGDING);
		user(jdbc, LD_ADMIN, "ADMIN", "513322");
		user(jdbc, REVIEWER, "REVIEWER", "5133");
		user(jdbc, OTHER_REVIEWER, "REVIEWER", "5133");
	}

	private static void user(JdbcTemplate jdbc, String username, String role, String region) {
		jdbc.update("""
				insert into user_account (username, display_name, password_hash, role, region_code)
				values (?, '评估测试', '{noop}not-used', ?, ?) on conflict do nothing""", username, role, region);
	}

	/** Clears what these tests made: their assessments (with their assignments), reviewers' memberships, institutions. */
	static void clear(JdbcTemplate jdbc) {
		jdbc.update("delete from assessment where created_by like 'rv\\_kd%'");
		jdbc.update("delete from institution_reviewer where user_name like 'rv\\_t\\_%'");
		jdbc.update("delete from reviewer_assignment where institution_id in "
				+ "(select id from evaluating_institution where name like ?)", INSTITUTION + "%");
		jdbc.update("delete from evaluating_institution where name like ?", INSTITUTION + "%");
	}

	static long demoCountyFramework(JdbcTemplate jdbc) {
		return jdbc.queryForObject("select id from indicator_framework where name = '示范县测评指标（演示）' and state = 'PUBLISHED'",
				Long.class);
	}

	static NewAssessmentForm newAssessment(long frameworkId, int year) {
		return new NewAssessmentForm(UUID.randomUUID(), frameworkId, KANGDING, null, String.valueOf(year), Purpose.SELF_CHECK);
	}

	/**
	 * Scores every node as a careful county would (a bound article its proposed score, any other
	 * article its full points, nothing for the 奖惩清单) and returns the values entered by node id.
	 */
	static Map<Long, BigDecimal> scoreEverything(AssessmentDrafts drafts, AssessmentSheet sheet, LongSupplier version) {
		var entered = new LinkedHashMap<Long, BigDecimal>();
		for (var row : sheet.ordered()) {
			var node = row.node();
			BigDecimal value;
			String override = null;
			if (node.getLevel() != NodeLevel.ARTICLE) {
				value = BigDecimal.ZERO;
			}
			else if (row.figure() != null && row.figure().proposed() != null) {
				value = row.figure().proposed();
			}
			else {
				value = node.getPoints();
				override = row.figure() == null ? null : "指标暂无数据，按台账核实";
			}
			drafts.scoreSelf(sheet.assessment().getId(), node.getId(),
					new SelfScoreForm(value.toPlainString(), null, override, version.getAsLong()));
			entered.put(node.getId(), value);
		}
		return entered;
	}

	static void signIn(UserDetailsService users, String username) {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		var user = users.loadUserByUsername(username);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}

	static void signOut() {
		SecurityContextHolder.clearContext();
		LocaleContextHolder.resetLocaleContext();
	}

}
