package org.pomegranate.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pomegranate.TestDatabaseConfiguration;
import org.pomegranate.WebSession;
import org.pomegranate.account.demo.DemoAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A user name has one canonical form (NFKC, then lower case): a name typed in any other form, such
 * as {@code ld_ſtaff} with U+017F or in full-width letters, is refused, never mapped to the account
 * it looks like, and its failure counts against the lockout of the name it looks like.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(TestDatabaseConfiguration.class)
class SignInNameTests {

	private static final String PASSWORD = DemoAccounts.PASSWORD;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aLookAlikeNameDoesNotSignInAsTheAccountItLooksLike() {
		try {
			for (var lookAlike : new String[] { "ld_\u017Ftaff", "\uFF4C\uFF44\uFF3F\uFF53\uFF54\uFF41\uFF46\uFF46", "LD_STAFF" }) {
				assertThat(WebSession.location(new WebSession(port).login(lookAlike, PASSWORD)))
					.as(lookAlike).isEqualTo("/login?error");
			}
			// Each refusal was counted for the canonical name, as a wrong password for it would be.
			assertThat(failuresOf("ld_staff")).isEqualTo(3);
			assertThat(jdbc.queryForObject("select count(*) from login_throttle where username <> lower(username) "
					+ "or username like '%\u017F%'", Long.class)).isZero();
			assertThat(WebSession.location(new WebSession(port).login("ld_staff", PASSWORD))).isEqualTo("/");
			assertThat(failuresOf("ld_staff")).isZero();
		}
		finally {
			jdbc.update("delete from login_throttle where username = 'ld_staff'");
		}
	}

	@Test
	void aLookAlikeNameIsLockedWhileTheNameItLooksLikeIs() {
		try {
			var session = new WebSession(port);
			for (int attempt = 1; attempt <= 5; attempt++) {
				session.login("lc_staff", "wrong-password-" + attempt);
			}
			assertThat(WebSession.location(new WebSession(port).login("lc_staff", PASSWORD))).isEqualTo("/login?locked");
			assertThat(WebSession.location(new WebSession(port).login("lc_\u017Ftaff", PASSWORD)))
				.isEqualTo("/login?locked");
			assertThat(WebSession.location(new WebSession(port).login("\uFF4Cc_staff", PASSWORD)))
				.isEqualTo("/login?locked");
		}
		finally {
			jdbc.update("delete from login_throttle where username = 'lc_staff'");
		}
	}

	@Test
	void anAdminCannotCreateANameOutsideTheDocumentedSetOrNotInItsCanonicalForm() {
		var admin = new WebSession(port);
		admin.login("kd_admin", PASSWORD);
		for (var name : new String[] { "kd_\u017Ftaff_new", "\uFF4B\uFF44_new_user", "KD_New_User" }) {
			var refused = admin.post("/admin/users", newUser(name));
			assertThat(refused.statusCode()).as(name).isEqualTo(200);
			assertThat(refused.body()).as(name).contains("用户名含有大写字母、全角字符或形似拉丁字母的字符");
		}
		for (var name : new String[] { "ab", "a".repeat(33), "_kd_new_user", "kd new user", "kd_new@user",
				"kd_new_\u0131" }) {
			var refused = admin.post("/admin/users", newUser(name));
			assertThat(refused.statusCode()).as(name).isEqualTo(200);
			assertThat(refused.body()).as(name)
				.contains("用户名须为 3–32 位小写字母 a–z、数字 0–9、下划线 _、点 . 或连字符 -，以字母或数字开头。");
		}
		assertThat(jdbc.queryForObject("select count(*) from user_account where display_name = '名称测试'", Long.class))
			.isZero();
		var created = admin.post("/admin/users", newUser("kd.name-test_1"));
		assertThat(created.statusCode()).isEqualTo(302);
		// The README's rule is on the form.
		assertThat(admin.get("/admin/users/new").body())
			.contains("用户名：3–32 位小写字母 a–z、数字 0–9、下划线 _、点 . 或连字符 -，以字母或数字开头");
	}

	private static Map<String, String> newUser(String username) {
		return Map.of("username", username, "displayName", "名称测试", "role", "STAFF", "regionCode", "513301001",
				"password", "Kangding-Names-2024", "confirmPassword", "Kangding-Names-2024");
	}

	private int failuresOf(String username) {
		return jdbc.queryForList("select failures from login_throttle where username = ?", Integer.class, username)
			.stream()
			.findFirst()
			.orElse(0);
	}

}
