package org.pomegranate.account;

import org.pomegranate.account.demo.DemoAccounts;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pomegranate.TestDatabaseConfiguration;
import org.pomegranate.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What admins and users do with accounts, over real HTTP with real sessions in PostgreSQL.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(TestDatabaseConfiguration.class)
class AccountFlowTests {

	private static final String DEMO_PASSWORD = DemoAccounts.PASSWORD;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anAdminCreatesAUserWhoMustChangeThePasswordAndIsCutOffWhenDisabled() {
		var admin = new WebSession(port);
		assertThat(WebSession.location(admin.login("kd_admin", DEMO_PASSWORD))).isEqualTo("/");

		// A region outside the admin's county is refused, and the form keeps what was typed.
		var outside = admin.post("/admin/users", newUser("kd_flow_user", "513322100", "Kangding-Flow-2024"));
		assertThat(outside.statusCode()).isEqualTo(200);
		assertThat(outside.body()).contains("只能把用户设在本辖区内").contains("value=\"kd_flow_user\"");
		// So is a weak password.
		var weak = admin.post("/admin/users", newUser("kd_flow_user", "513301001", "unbelievable"));
		assertThat(weak.body()).contains("该密码过于常见");
		assertThat(count("select count(*) from user_account where username = 'kd_flow_user'")).isZero();

		var created = admin.post("/admin/users", newUser("kd_flow_user", "513301001", "Kangding-Flow-2024"));
		assertThat(created.statusCode()).isEqualTo(302);
		var userPage = WebSession.location(created);
		assertThat(admin.get(userPage).body()).contains("用户已创建").contains("首次登录须修改密码");

		// The new user can do nothing before choosing their own password.
		var user = new WebSession(port);
		user.login("kd_flow_user", "Kangding-Flow-2024");
		var home = user.get("/");
		assertThat(home.statusCode()).isEqualTo(302);
		assertThat(WebSession.location(home)).isEqualTo("/account/password");
		var mismatch = user.post("/account/password", Map.of("currentPassword", "Kangding-Flow-2024",
				"newPassword", "My-own-secret-2024", "confirmPassword", "My-own-secret-2025"));
		assertThat(mismatch.body()).contains("两次输入的密码不一致");
		var changed = user.post("/account/password", Map.of("currentPassword", "Kangding-Flow-2024",
				"newPassword", "My-own-secret-2024", "confirmPassword", "My-own-secret-2024"));
		assertThat(WebSession.location(changed)).isEqualTo("/");
		assertThat(user.get("/").body()).contains("密码已修改").contains("炉城街道");

		// Disabled: the user's open session ends at once.
		var version = jdbc.queryForObject("select version from user_account where username = 'kd_flow_user'", Long.class);
		var disabled = admin.post(userPage + "/disable", Map.of("version", String.valueOf(version)));
		assertThat(admin.get(WebSession.location(disabled)).body()).contains("用户已停用");
		var afterDisable = user.get("/");
		assertThat(afterDisable.statusCode()).isEqualTo(302);
		assertThat(WebSession.location(afterDisable)).endsWith("/login");
		assertThat(WebSession.location(new WebSession(port).login("kd_flow_user", "My-own-secret-2024")))
			.isEqualTo("/login?error");

		assertThat(count("select count(*) from audit_event where username = 'kd_admin' and action = 'DISABLE'"))
			.isPositive();
		assertThat(count("select count(*) from audit_event where username = 'kd_flow_user' and action = 'PASSWORD_CHANGE'"))
			.isEqualTo(1);
	}

	@Test
	void weakAndBlankPasswordsAreRefusedOnEveryPathWithAMessageThatSaysWhatToDo() {
		var admin = new WebSession(port);
		admin.login("kd_admin", DEMO_PASSWORD);
		// The examples of issue 10: long but common or guessable, the reversed user name, blank.
		for (var password : new String[] { "password1234", "123456789012", "aaaaaaaaaaaa", "qwertyuiop12",
				"resu_kaew_dk", "            " }) {
			var refused = admin.post("/admin/users", newUser("kd_weak_user", "513301001", password));
			assertThat(refused.statusCode()).as(password).isEqualTo(200);
			assertThat(refused.body()).as(password).containsAnyOf("该密码过于常见", "该密码容易被猜到",
					"密码不能包含用户名", "密码不能为空，也不能只有空格");
		}
		assertThat(count("select count(*) from user_account where username = 'kd_weak_user'")).isZero();
		assertThat(admin.post("/admin/users", newUser("kd_weak_user", "513301001", "resu_kaew_dk")).body())
			.contains("密码不能包含用户名（正写或倒写）");
		assertThat(admin.post("/admin/users", newUser("kd_weak_user", "513301001", "aaaaaaaaaaaa")).body())
			.contains("该密码容易被猜到");

		var created = admin.post("/admin/users", newUser("kd_weak_user", "513301001", "Kangding-Weak-User-71"));
		var userPage = WebSession.location(created);
		assertThat(admin.get(userPage).body()).contains("用户已创建");
		var hash = jdbc.queryForObject("select password_hash from user_account where username = 'kd_weak_user'", String.class);
		// An admin reset with twelve spaces.
		var reset = admin.post(userPage + "/password", Map.of("newPassword", " ".repeat(12), "confirmPassword", " ".repeat(12)));
		assertThat(admin.get(WebSession.location(reset)).body()).contains("密码不能为空，也不能只有空格");
		assertThat(jdbc.queryForObject("select password_hash from user_account where username = 'kd_weak_user'", String.class))
			.isEqualTo(hash);

		// The user's own change.
		var user = new WebSession(port);
		user.login("kd_weak_user", "Kangding-Weak-User-71");
		for (var password : new String[] { " ".repeat(12), "qwertyuiop12" }) {
			var own = user.post("/account/password", Map.of("currentPassword", "Kangding-Weak-User-71",
					"newPassword", password, "confirmPassword", password));
			assertThat(own.statusCode()).as(password).isEqualTo(200);
			assertThat(own.body()).as(password).containsAnyOf("该密码过于常见", "密码不能为空，也不能只有空格");
		}
		assertThat(jdbc.queryForObject("select password_hash from user_account where username = 'kd_weak_user'", String.class))
			.isEqualTo(hash);
	}

	@Test
	void aStaleEditIsRefusedAndTheFormKeepsWhatWasTyped() {
		var admin = new WebSession(port);
		admin.login("kd_admin", DEMO_PASSWORD);
		var id = jdbc.queryForObject("select id from user_account where username = 'kd_supervisor'", Long.class);
		var version = jdbc.queryForObject("select version from user_account where id = ?", Long.class, id);
		var first = admin.post("/admin/users/" + id, Map.of("displayName", "康定市督导（一）", "role", "SUPERVISOR",
				"regionCode", "513301", "version", String.valueOf(version)));
		assertThat(first.statusCode()).isEqualTo(302);
		var stale = admin.post("/admin/users/" + id, Map.of("displayName", "康定市督导（二）", "role", "SUPERVISOR",
				"regionCode", "513301", "version", String.valueOf(version)));
		assertThat(stale.statusCode()).isEqualTo(200);
		assertThat(stale.body()).contains("该记录已被他人修改").contains("康定市督导（二）");
		assertThat(jdbc.queryForObject("select display_name from user_account where id = ?", String.class, id))
			.isEqualTo("康定市督导（一）");
	}

	@Test
	void fiveFailuresLockANameForFifteenMinutesWhetherOrNotTheAccountExists() {
		for (String username : new String[] { "kd_staff", "nobody_here" }) {
			var session = new WebSession(port);
			for (int attempt = 1; attempt <= 4; attempt++) {
				assertThat(WebSession.location(session.login(username, "wrong-password-" + attempt)))
					.isEqualTo("/login?error");
			}
			assertThat(WebSession.location(session.login(username, "wrong-password-5"))).isEqualTo("/login?locked");
			var lockedPage = session.lastPage().body();
			assertThat(lockedPage).contains("该账号已锁定 15 分钟").contains("value=\"" + username + "\"");
		}
		// Even the right password is refused while the lock lasts.
		assertThat(WebSession.location(new WebSession(port).login("kd_staff", DEMO_PASSWORD)))
			.isEqualTo("/login?locked");
		assertThat(count("select count(*) from audit_event where username = 'kd_staff' and action = 'LOCKOUT'"))
			.isEqualTo(1);
		assertThat(count("select count(*) from audit_event where username = 'nobody_here' and action = 'LOCKOUT'"))
			.isEqualTo(1);
		jdbc.update("update login_throttle set locked_until = now() - interval '1 second' where username = 'kd_staff'");
		assertThat(WebSession.location(new WebSession(port).login("kd_staff", DEMO_PASSWORD))).isEqualTo("/");
	}

	@Test
	void authenticatedPagesCarryTheSecurityHeaders() {
		var session = new WebSession(port);
		session.login("kd_staff", DEMO_PASSWORD);
		var home = session.get("/");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
		var csp = home.headers().firstValue("Content-Security-Policy").orElseThrow();
		assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'");
		assertThat(csp.substring(csp.indexOf("script-src"), csp.indexOf(';', csp.indexOf("script-src"))))
			.doesNotContain("unsafe-inline");
		assertThat(home.headers().firstValue("X-Frame-Options")).contains("DENY");
		assertThat(home.body()).doesNotContain("<script>").doesNotContain("onclick=");
		var cookie = session.login("kd_staff", DEMO_PASSWORD).headers().allValues("Set-Cookie");
		assertThat(cookie).allSatisfy(c -> assertThat(c).contains("HttpOnly"));
	}

	private static Map<String, String> newUser(String username, String region, String password) {
		return Map.of("username", username, "displayName", "流程测试", "role", "STAFF", "regionCode", region,
				"password", password, "confirmPassword", password);
	}

	private long count(String sql) {
		return jdbc.queryForObject(sql, Long.class);
	}

}
