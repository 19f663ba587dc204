package org.pomegranate.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.Site;
import org.pomegranate.TestDatabaseConfiguration;
import org.pomegranate.WebSession;
import org.pomegranate.files.FileStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Requests that answered 500 or said nothing: a step whose name is percent-encoded, an export of
 * another county's program or of none, {@code /error} opened by hand, an empty photo.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(TestDatabaseConfiguration.class)
class EdgeRequestsTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	FileStore files;

	private Map<String, String> kangding;

	private Map<String, String> luding;

	@BeforeEach
	void records() {
		kangding = AuthorizationMatrixTests.records("513301", "kd_staff", jdbc, files);
		luding = AuthorizationMatrixTests.records("513322", "ld_staff", jdbc, files);
	}

	/** The step is the one the URL names once decoded, as the URL rules read it too. */
	@Test
	void aPercentEncodedStepIsTheStepItSpells() {
		var session = new WebSession(port);
		session.login("kd_admin", Site.DEMO_PASSWORD);
		var plain = session.request("POST", "/petitions/" + kangding.get("petition") + "/push", "text/html",
				Map.of("version", "-1"));
		var encoded = session.request("POST", "/petitions/" + kangding.get("petition") + "/%70ush", "text/html",
				Map.of("version", "-1"));
		assertThat(plain.statusCode()).isLessThan(500);
		assertThat(encoded.statusCode()).isEqualTo(plain.statusCode());
		assertThat(encoded.body()).contains("授权测试诉求");
	}

	/** A foreign program and a missing one: the same 404 page, never a download. */
	@Test
	void anExportOfAProgramOutsideTheRegionIsTheNotFoundPageBeforeAnyDownload() {
		var session = new WebSession(port);
		session.login("kd_staff", Site.DEMO_PASSWORD);
		for (var list : new String[] { "/households/export", "/cadres/export" }) {
			var foreign = session.get(list + "?programId=" + luding.get("program"));
			var missing = session.get(list + "?programId=987654321");
			assertThat(foreign.statusCode()).as(list).isEqualTo(404);
			assertThat(missing.statusCode()).as(list).isEqualTo(404);
			assertThat(foreign.headers().firstValue("Content-Disposition")).as(list).isEmpty();
			assertThat(missing.headers().firstValue("Content-Disposition")).as(list).isEmpty();
			assertThat(foreign.headers().firstValue("Content-Type")).as(list).hasValueSatisfying(
					type -> assertThat(type).startsWith("text/html"));
			assertThat(foreign.body()).as(list).contains("页面不存在");
			assertThat(withoutCsrf(foreign.body())).as(list).isEqualTo(withoutCsrf(missing.body()));
			var own = session.get(list + "?programId=" + kangding.get("program"));
			assertThat(own.statusCode()).as(list).isEqualTo(200);
			assertThat(own.headers().firstValue("Content-Disposition")).as(list).isPresent();
		}
	}

	@Test
	void theErrorPathOpenedByHandIsAPageThatDoesNotExist() {
		var anonymous = new WebSession(port);
		var page = anonymous.get("/error");
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("页面不存在");
		var signedIn = new WebSession(port);
		signedIn.login("kd_staff", Site.DEMO_PASSWORD);
		assertThat(signedIn.get("/error").statusCode()).isEqualTo(404);
		assertThat(signedIn.request("GET", "/error", null, Map.of()).statusCode()).isEqualTo(404);
		assertThat(signedIn.request("POST", "/error", "text/html", Map.of()).statusCode()).isEqualTo(404);
	}

	/** An empty photo is said beside the field, and the visit waits until a real photo is chosen. */
	@Test
	void anEmptyPhotoIsRefusedWithAMessage() {
		var session = new WebSession(port);
		session.login("kd_staff", Site.DEMO_PASSWORD);
		var path = "/pairings/" + kangding.get("pairing") + "/visits";
		session.get(path + "/new");
		long before = jdbc.queryForObject("select count(*) from visit where visitors = '空照片测试'", Long.class);
		var page = session.postFile(path, Map.of("visitedOn", "2024-01-03", "kind", "PHONE", "visitors", "空照片测试",
				"aidAmount", "0"), "photos", "empty.jpg", "image/jpeg", new byte[0]);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("是空文件").contains("空照片测试");
		assertThat(jdbc.queryForObject("select count(*) from visit where visitors = '空照片测试'", Long.class))
			.isEqualTo(before);
	}

	private static String withoutCsrf(String body) {
		return body.replaceAll("(name=\"_csrf\"[^>]*content=\")[^\"]+", "$1")
			.replaceAll("(name=\"_csrf\" value=\")[^\"]+", "$1");
	}

}
