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
 * An admin account is managed only by an admin of a strictly higher region: two admins of one
 * county cannot reset each other's passwords (and so sign in as each other), edit, disable or
 * enable each other, and an admin cannot make a peer admin of their own region.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(TestDatabaseConfiguration.class)
class AdminHierarchyTests {

	private static final String REFUSAL = "管理员账号只能由上级区划的管理员管理";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void peerAdminsOfOneCountyCannotManageEachOther() {
		var prefecture = signedIn("gz_admin");
		var made = prefecture.post("/admin/users", newUser("kd_peer_admin", "ADMIN", "513301"));
		assertThat(made.statusCode()).as("a prefecture admin makes a county admin").isEqualTo(302);
		var peer = WebSession.location(made);
		assertThat(prefecture.get(peer).body()).contains("用户已创建");
		var peerHash = hashOf("kd_peer_admin");

		var county = signedIn("kd_admin");
		var page = county.get(peer).body();
		assertThat(page).contains(REFUSAL)
			.doesNotContain("id=\"reset-password\"")
			.doesNotContain("id=\"disable-user\"")
			.doesNotContain("id=\"user-form\"");
		assertThat(county.get("/admin/users?q=kd_peer_admin").body()).contains("kd_peer_admin").contains("只读");

		var reset = county.post(peer + "/password",
				Map.of("newPassword", "Taken-Over-Peer-58", "confirmPassword", "Taken-Over-Peer-58"));
		assertThat(county.get(WebSession.location(reset)).body()).contains(REFUSAL);
		assertThat(hashOf("kd_peer_admin")).isEqualTo(peerHash);
		assertThat(WebSession.location(new WebSession(port).login("kd_peer_admin", "Taken-Over-Peer-58")))
			.isEqualTo("/login?error");

		var version = String.valueOf(versionOf("kd_peer_admin"));
		var disable = county.post(peer + "/disable", Map.of("version", version));
		assertThat(county.get(WebSession.location(disable)).body()).contains(REFUSAL);
		var edit = county.post(peer, Map.of("displayName", "改名", "role", "STAFF", "regionCode", "513301",
				"version", version));
		assertThat(edit.body()).contains(REFUSAL);
		assertThat(jdbc.queryForMap("select role, enabled, display_name from user_account where username = 'kd_peer_admin'"))
			.containsEntry("role", "ADMIN")
			.containsEntry("enabled", true)
			.containsEntry("display_name", "对等管理员");

		// The prefecture admin, one level up, may.
		var byPrefecture = prefecture.post(peer + "/password",
				Map.of("newPassword", "Reset-By-Prefecture-58", "confirmPassword", "Reset-By-Prefecture-58"));
		assertThat(prefecture.get(WebSession.location(byPrefecture)).body()).contains("密码已重置");
		assertThat(hashOf("kd_peer_admin")).isNotEqualTo(peerHash);
	}

	@Test
	void aCountyAdminMakesAndManagesAdminsOfItsTownshipsButNoPeer() {
		var county = signedIn("kd_admin");
		var peer = county.post("/admin/users", newUser("kd_second_admin", "ADMIN", "513301"));
		assertThat(peer.statusCode()).isEqualTo(200);
		assertThat(peer.body()).contains(REFUSAL).contains("value=\"kd_second_admin\"");
		assertThat(jdbc.queryForObject("select count(*) from user_account where username = 'kd_second_admin'", Long.class))
			.isZero();

		var promoted = county.post("/admin/users", newUser("kd_staff_to_promote", "STAFF", "513301"));
		var promotedPage = WebSession.location(promoted);
		var promote = county.post(promotedPage, Map.of("displayName", "对等管理员", "role", "ADMIN", "regionCode",
				"513301", "version", String.valueOf(versionOf("kd_staff_to_promote"))));
		assertThat(promote.body()).contains(REFUSAL);

		var township = county.post("/admin/users", newUser("lc_township_admin", "ADMIN", "513301001"));
		assertThat(township.statusCode()).isEqualTo(302);
		var townshipPage = WebSession.location(township);
		assertThat(county.get(townshipPage).body()).contains("id=\"reset-password\"").doesNotContain(REFUSAL);
		var reset = county.post(townshipPage + "/password",
				Map.of("newPassword", "Township-Reset-Luding-61", "confirmPassword", "Township-Reset-Luding-61"));
		assertThat(county.get(WebSession.location(reset)).body()).contains("密码已重置");
		// Nor their own account: it is managed from above (their own password through 修改密码).
		assertThat(county.get("/admin/users/" + idOf("kd_admin")).body()).contains(REFUSAL);
	}

	private WebSession signedIn(String username) {
		var session = new WebSession(port);
		assertThat(WebSession.location(session.login(username, DemoAccounts.PASSWORD))).isEqualTo("/");
		return session;
	}

	private static Map<String, String> newUser(String username, String role, String region) {
		return Map.of("username", username, "displayName", "对等管理员", "role", role, "regionCode", region,
				"password", "Peer-Admin-Ganzi-83", "confirmPassword", "Peer-Admin-Ganzi-83");
	}

	private String hashOf(String username) {
		return jdbc.queryForObject("select password_hash from user_account where username = ?", String.class, username);
	}

	private long versionOf(String username) {
		return jdbc.queryForObject("select version from user_account where username = ?", Long.class, username);
	}

	private long idOf(String username) {
		return jdbc.queryForObject("select id from user_account where username = ?", Long.class, username);
	}

}
