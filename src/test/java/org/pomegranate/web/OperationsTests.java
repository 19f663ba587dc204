package org.pomegranate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pomegranate.TestDatabaseConfiguration;
import org.pomegranate.WebSession;
import org.pomegranate.shared.ChinaTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import java.time.LocalDate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * What operators and offline intranets rely on: health with the database, metrics only for a
 * configured scraper (none here: see {@link ConfiguredOperationsTests}), nothing else of actuator,
 * client addresses that a header cannot forge, uploads read only for a signed-in user, and every
 * front-end asset served by the app itself.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(TestDatabaseConfiguration.class)
class OperationsTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void healthIncludesTheDatabaseWithoutDetailsAndNothingElseIsOpen() {
		var anonymous = new WebSession(port);
		var health = anonymous.get("/actuator/health", "application/json");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"db\":{\"status\":\"UP\"")
			.doesNotContain("details").doesNotContain("PostgreSQL").doesNotContain("validationQuery");
		for (String closed : new String[] { "/actuator/env", "/actuator/beans", "/actuator/heapdump", "/actuator" }) {
			assertThat(anonymous.get(closed, "application/json").statusCode()).as(closed).isIn(401, 403, 404);
		}
		var admin = new WebSession(port);
		admin.login("gz_admin", "Shiliuzi-2024!");
		assertThat(admin.get("/actuator/env", "application/json").statusCode()).isIn(401, 403, 404);
	}

	/** Without a configured scraper token the metrics are closed to everyone, a signed-in admin and any token included. */
	@Test
	void withoutAConfiguredTokenNobodyReadsTheMetrics() {
		var anonymous = new WebSession(port);
		var refused = anonymous.get("/actuator/prometheus", "text/plain");
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.body()).doesNotContain("jvm_memory_used_bytes");
		var guessing = new WebSession(port).withHeader("Authorization", "Bearer ");
		assertThat(guessing.get("/actuator/prometheus", "text/plain").statusCode()).isEqualTo(401);
		var admin = new WebSession(port);
		admin.login("gz_admin", "Shiliuzi-2024!");
		var signedIn = admin.get("/actuator/prometheus", "text/plain");
		assertThat(signedIn.statusCode()).isEqualTo(401);
		assertThat(signedIn.body()).doesNotContain("jvm_memory_used_bytes");
	}

	/**
	 * With no trusted proxy configured, a forged {@code X-Forwarded-For} from 127.0.0.1 changes
	 * nothing: the audit log records the socket's address.
	 */
	@Test
	void aForwardedForHeaderFromAnUntrustedAddressIsNotBelieved() {
		var username = "xff_probe_" + System.nanoTime();
		var session = new WebSession(port).withHeader("X-Forwarded-For", "203.0.113.7");
		session.get("/login");
		session.post("/login", Map.of("username", username, "password", "wrong-password-123"));
		assertThat(jdbc.queryForList("select client_ip from audit_event where username = ? and action = 'LOGIN_FAILED'",
				String.class, username)).containsExactly("127.0.0.1");
	}

	/**
	 * An anonymous upload is answered before its body is read: the answer (to the login page)
	 * arrives while the client has sent 64 KB of 36 MB, the server then closes the connection
	 * instead of reading the rest, and nothing is written.
	 */
	@Test
	void anAnonymousUploadIsRefusedBeforeItsBodyIsRead() throws Exception {
		long pairing = jdbc.queryForObject("select min(id) from pairing where region_code like '513301%' and ended_on is null",
				Long.class);
		long visits = jdbc.queryForObject("select count(*) from visit", Long.class);
		long files = jdbc.queryForObject("select count(*) from stored_file", Long.class);
		long length = 36L * 1024 * 1024;
		try (var socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			var out = socket.getOutputStream();
			out.write(("POST /pairings/" + pairing + "/visits HTTP/1.1\r\nHost: localhost:" + port
					+ "\r\nContent-Type: multipart/form-data; boundary=xyz\r\nContent-Length: " + length
					+ "\r\n\r\n--xyz\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"big.jpg\"\r\n"
					+ "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			var chunk = new byte[64 * 1024];
			out.write(chunk);
			out.flush();
			var head = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
			assertThat(head.readLine()).startsWith("HTTP/1.1 302");
			var headers = new ArrayList<String>();
			for (var line = head.readLine(); line != null && !line.isEmpty(); line = head.readLine()) {
				headers.add(line.toLowerCase(Locale.ROOT));
			}
			assertThat(headers).anySatisfy(header -> assertThat(header).startsWith("location:").endsWith("/login"))
				.contains("connection: close");
			assertThatThrownBy(() -> {
				for (long sent = chunk.length; sent < length; sent += chunk.length) {
					out.write(chunk);
				}
			}).as("the server reads no more of the body").isInstanceOf(IOException.class);
		}
		assertThat(jdbc.queryForObject("select count(*) from visit", Long.class)).isEqualTo(visits);
		assertThat(jdbc.queryForObject("select count(*) from stored_file", Long.class)).isEqualTo(files);
	}

	@Test
	void bootstrapHtmxAndEchartsComeFromWebJarsNotACdn() {
		var anonymous = new WebSession(port);
		for (String asset : new String[] { "/webjars/bootstrap/css/bootstrap.min.css",
				"/webjars/bootstrap/js/bootstrap.bundle.min.js", "/webjars/htmx.org/dist/htmx.min.js",
				"/webjars/echarts/echarts.min.js", "/css/app.css", "/js/app.js", "/img/pomegranate.svg" }) {
			assertThat(anonymous.get(asset).statusCode()).as(asset).isEqualTo(200);
		}
		var login = anonymous.get("/login").body();
		assertThat(login).doesNotContainPattern("(src|href)=\"(https?:)?//");
	}

	@Test
	void errorPagesSpeakTheUsersLanguageWithoutStackTraces() {
		var session = new WebSession(port);
		session.login("kd_staff", "Shiliuzi-2024!");
		var notFound = session.get("/regions/513322");
		assertThat(notFound.statusCode()).isEqualTo(404);
		assertThat(notFound.body()).contains("页面不存在").contains("不在您的管辖范围内");
		var forbidden = session.get("/admin/users");
		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(forbidden.body()).contains("无权访问");
		var badRequest = session.get("/regions/search?page=x");
		assertThat(badRequest.statusCode()).isEqualTo(400);
		assertThat(badRequest.body()).contains("请求无效").doesNotContain("Exception").doesNotContain("at org.");
		session.get("/?lang=en");
		var english = session.get("/regions/513322");
		assertThat(english.body()).contains("Not found").contains("outside your region");
	}

	/** Too big for the server's multipart limit: refused before any form handling, in Chinese, nothing written. */
	@Test
	void anUploadOverTheLimitIsRefusedInChineseAndNothingIsWritten() {
		long pairing = jdbc.queryForObject("select min(id) from pairing where region_code like '513301%' and ended_on is null",
				Long.class);
		long visits = jdbc.queryForObject("select count(*) from visit", Long.class);
		var session = new WebSession(port);
		session.login("kd_staff", "Shiliuzi-2024!");
		session.get("/pairings/" + pairing + "/visits/new");
		var tooBig = new byte[11 * 1024 * 1024];
		tooBig[0] = (byte) 0xFF;
		tooBig[1] = (byte) 0xD8;
		var response = session.postFile("/pairings/" + pairing + "/visits",
				Map.of("visitedOn", LocalDate.now(ChinaTime.ZONE).toString(), "kind", "HOME_VISIT", "visitors", "测试"),
				"photos", "big.jpg", "image/jpeg", tooBig);
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("上传的文件太大").doesNotContain("Exception");
		assertThat(jdbc.queryForObject("select count(*) from visit", Long.class)).isEqualTo(visits);
	}

	@Test
	void theSessionIdChangesAtLogin() {
		var session = new WebSession(port);
		var before = session.get("/login").headers().allValues("Set-Cookie");
		var after = session.post("/login", Map.of("username", "gz_supervisor", "password", "Shiliuzi-2024!"))
			.headers()
			.allValues("Set-Cookie");
		assertThat(before).anySatisfy(cookie -> assertThat(cookie).startsWith("SESSION="));
		assertThat(after).anySatisfy(cookie -> assertThat(cookie).startsWith("SESSION="));
		var beforeId = sessionId(before);
		assertThat(sessionId(after)).isNotEqualTo(beforeId);
	}

	private static String sessionId(List<String> cookies) {
		return cookies.stream()
			.filter(cookie -> cookie.startsWith("SESSION="))
			.map(cookie -> cookie.substring("SESSION=".length(), cookie.indexOf(';')))
			.findFirst()
			.orElseThrow();
	}

}
