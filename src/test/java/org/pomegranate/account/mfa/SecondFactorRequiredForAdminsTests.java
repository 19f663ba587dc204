package org.pomegranate.account.mfa;

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
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * With admins obliged to use a second factor, as in production: an admin who has not enrolled
 * reaches nothing but enrolment until they do; staff sign in as before; no demo banner.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = SecondFactorSettings.ADMINS_REQUIRED + "=true")
@Import(TestDatabaseConfiguration.class)
class SecondFactorRequiredForAdminsTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Test
	void anAdminWhoHasNotEnrolledIsSentToEnrolmentFromEveryPageUntilTheyDo() {
		var fixtures = new SecondFactorFixtures(jdbc, passwordEncoder);
		var admin = fixtures.user("mfa_prod", "ADMIN", "513301");
		var session = new WebSession(port);
		assertThat(WebSession.location(session.login(admin, SecondFactorFixtures.PASSWORD))).isEqualTo("/");
		assertThat(session.lastPage().body()).contains("您的账号必须使用双因素认证").doesNotContain("演示环境");
		for (var path : new String[] { "/", "/admin/users", "/admin/second-factor", "/account/password", "/regions" }) {
			assertThat(WebSession.location(session.get(path))).as(path).isEqualTo("/account/second-factor");
		}
		// Enrolment is open to the password alone, and the confirmation is the second factor.
		var enrolled = fixtures.enrol(session);
		assertThat(session.get("/admin/users").statusCode()).isEqualTo(200);

		var next = new WebSession(port);
		next.login(admin, SecondFactorFixtures.PASSWORD);
		assertThat(WebSession.location(next.get("/admin/users"))).isEqualTo("/login/second-factor");
		next.post("/login/second-factor", Map.of("code", fixtures.freshCode(admin, enrolled.secret())));
		assertThat(next.get("/admin/users").statusCode()).isEqualTo(200);

		var staff = new WebSession(port);
		assertThat(WebSession.location(staff.login(fixtures.user("mfa_prod_staff", "STAFF", "513301"),
				SecondFactorFixtures.PASSWORD))).isEqualTo("/");
		assertThat(staff.lastPage().statusCode()).isEqualTo(200);
	}

}
