package org.pomegranate.assessment.framework;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.pomegranate.assessment.framework.FrameworkForms.NewFrameworkForm;
import org.pomegranate.assessment.framework.FrameworkForms.NodeForm;
import org.pomegranate.shared.RegionLevel;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * What the framework tests share: users of their own (an admin of 阿坝州 authors the tests'
 * frameworks, so that no demo record changes), signing in, and named builders of the forms.
 */
final class FrameworkFixtures {

	/** An admin of 阿坝州 (a prefecture), who may author. */
	static final String ABA_ADMIN = "fw_aba_admin";

	/** An admin of 马尔康市 (a county of 阿坝州), who may not. */
	static final String BARKAM_ADMIN = "fw_barkam_admin";

	/** Staff of 马尔康市: reads what 阿坝州 issues. */
	static final String BARKAM_STAFF = "fw_barkam_staff";

	private FrameworkFixtures() {
	}

	static void users(JdbcTemplate jdbc) {
		user(jdbc, ABA_ADMIN, "ADMIN", "5132");
		user(jdbc, BARKAM_ADMIN, "ADMIN", "513201");
		user(jdbc, BARKAM_STAFF, "STAFF", "513201");
	}

	static void user(JdbcTemplate jdbc, String username, String role, String region) {
		jdbc.update("""
				insert into user_account (username, display_name, password_hash, role, region_code)
				values (?, '指标测试', '{noop}not-used', ?, ?) on conflict do nothing""", username, role, region);
	}

	/** Signs {@code username} in on this thread, reading Chinese as a user of the app does by default. */
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

	/** A new draft's form: a 示范县 framework of base 100, pass mark 90, bonus cap 5. */
	static NewFrameworkForm newFramework(String name) {
		return new NewFrameworkForm(UUID.randomUUID(), FrameworkKind.COUNTY, name, "100", "90", "5", "", "10",
				List.of(RegionLevel.COUNTY, RegionLevel.PREFECTURE), false, "");
	}

	static Node category(String code, String points) {
		return new Node(NodeLevel.CATEGORY, null, code, points);
	}

	static Node item(String code, String parent, String points) {
		return new Node(NodeLevel.ITEM, parent, code, points);
	}

	/** An article scored by 评议 unless told otherwise. */
	static Node article(String code, String parent, String points) {
		return new Node(NodeLevel.ARTICLE, parent, code, points).scoring(ScoringMethod.JUDGEMENT, "");
	}

	static Node bonus(String code, String points) {
		return new Node(NodeLevel.BONUS, null, code, points);
	}

	static Node veto(String code) {
		return new Node(NodeLevel.VETO, null, code, "");
	}

	/** A node form being built: level, parent and code first, then what the test needs. */
	static final class Node {

		private final NodeLevel level;

		private final @Nullable String parent;

		private final String code;

		private final String points;

		private String title;

		private @Nullable ScoringMethod method;

		private String parameter = "";

		private @Nullable LiveMetric metric;

		private String target = "";

		private Node(NodeLevel level, @Nullable String parent, String code, String points) {
			this.level = level;
			this.parent = parent;
			this.code = code;
			this.points = points;
			this.title = "测试" + code;
		}

		Node titled(String title) {
			this.title = title;
			return this;
		}

		Node scoring(ScoringMethod method, String parameter) {
			this.method = method;
			this.parameter = parameter;
			return this;
		}

		Node live(LiveMetric metric, String target) {
			this.metric = metric;
			this.target = target;
			return this;
		}

		NodeForm at(long version) {
			return new NodeForm(level, parent, code, title, points, "要求" + code, Set.of(EvidenceKind.TEXT),
					Set.of(TestMethod.DOCUMENTS), method, parameter, metric, target, "演示", version);
		}

	}

}
