package org.pomegranate.assessment.holder;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.pomegranate.assessment.framework.IndicatorNode;
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

/** Builders of the holder's forms and the demo facts the assessment tests start from. */
final class AssessmentFixtures {

	/** 康定市, a county of the demo data. */
	static final String KANGDING = "513301";

	/** Staff of 康定市, of these tests only (so that clearing their assessments leaves the demo data's). */
	static final String KD_STAFF = "as_kd_staff";

	static final String KD_ADMIN = "as_kd_admin";

	static final String KD_SUPERVISOR = "as_kd_supervisor";

	/** An admin of 甘孜州, the prefecture: the second approval level of the demo county framework. */
	static final String GZ_ADMIN = "as_gz_admin";

	/** Staff of 泸定县, another county. */
	static final String LD_STAFF = "as_ld_staff";

	/** Staff of 炉城街道, a township of 康定市. */
	static final String LC_STAFF = "as_lc_staff";

	static void users(JdbcTemplate jdbc) {
		user(jdbc, KD_STAFF, "STAFF", KANGDING);
		user(jdbc, KD_ADMIN, "ADMIN", KANGDING);
		user(jdbc, KD_SUPERVISOR, "SUPERVISOR", KANGDING);
		user(jdbc, LD_STAFF, "STAFF", "513322");
		user(jdbc, LC_STAFF, "STAFF", "513301001");
		user(jdbc, GZ_ADMIN, "ADMIN", "5133");
	}

	static void user(JdbcTemplate jdbc, String username, String role, String region) {
		jdbc.update("""
				insert into user_account (username, display_name, password_hash, role, region_code)
				values (?, '测评测试', '{noop}not-used', ?, ?) on conflict do nothing""", username, role, region);
	}

	private AssessmentFixtures() {
	}

	static long demoCountyFramework(JdbcTemplate jdbc) {
		return jdbc.queryForObject("select id from indicator_framework where name = '示范县测评指标（演示）' and state = 'PUBLISHED'",
				Long.class);
	}

	/** 新建 of {@code year} for the user's own region on the demo county framework, with a fresh token. */
	static NewAssessmentForm newAssessment(long frameworkId, int year, Purpose purpose) {
		return new NewAssessmentForm(UUID.randomUUID(), frameworkId, null, null, String.valueOf(year), purpose);
	}

	static NewAssessmentForm newAssessment(long frameworkId, String regionCode, int year) {
		return new NewAssessmentForm(UUID.randomUUID(), frameworkId, regionCode, null, String.valueOf(year), Purpose.SELF_CHECK);
	}

	static SelfScoreForm score(@Nullable String score, long version) {
		return new SelfScoreForm(score, "自评说明", null, version);
	}

	static SelfScoreForm score(@Nullable String score, @Nullable String override, long version) {
		return new SelfScoreForm(score, "自评说明", override, version);
	}

	/**
	 * Scores every node of the sheet that has no self score as a careful county would: a bound
	 * article its proposed score, any other article its full points, nothing for the 奖惩清单.
	 * Returns the articles' sum as a hand count of what was entered.
	 */
	static BigDecimal scoreEverything(AssessmentDrafts drafts, AssessmentSheet sheet, java.util.function.LongSupplier version) {
		var sum = BigDecimal.ZERO;
		for (var row : sheet.ordered()) {
			IndicatorNode node = row.node();
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
			if (node.getLevel() == NodeLevel.ARTICLE) {
				sum = sum.add(value);
			}
		}
		return sum;
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

	/** Clears the assessments these tests made, so each starts from the demo data. */
	static void clear(JdbcTemplate jdbc) {
		jdbc.update("delete from assessment where created_by like 'as\\_%'");
	}

}
