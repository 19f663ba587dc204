package org.pomegranate.web;

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
 * The app as an operator configures it behind a proxy: a scraper token for the metrics
 * ({@code POMEGRANATE_METRICS_TOKEN}) and the proxy's address ({@code POMEGRANATE_TRUSTED_PROXIES}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "pomegranate.metrics.token=" + ConfiguredOperationsTests.TOKEN,
				"pomegranate.trusted-proxies=10.9.8.7, 127.0.0.1" })
@Import(TestDatabaseConfiguration.class)
class ConfiguredOperationsTests {

	static final String TOKEN = "scraper-token-0123456789-abcdef";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void onlyTheConfiguredTokenReadsTheMetrics() {
		var scraper = new WebSession(port).withHeader("Authorization", "Bearer " + TOKEN);
		var metrics = scraper.get("/actuator/prometheus", "text/plain");
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("hikaricp_connections_active").contains("jvm_memory_used_bytes");

		assertThat(new WebSession(port).get("/actuator/prometheus", "text/plain").statusCode()).isEqualTo(401);
		for (var wrong : new String[] { "Bearer " + TOKEN + "x", "Bearer " + TOKEN.substring(1), TOKEN,
				"Basic " + TOKEN }) {
			var refused = new WebSession(port).withHeader("Authorization", wrong).get("/actuator/prometheus", "text/plain");
			assertThat(refused.statusCode()).as(wrong).isEqualTo(401);
			assertThat(refused.body()).as(wrong).doesNotContain("jvm_memory_used_bytes");
		}
		// The token opens the metrics, nothing else of the actuator.
		assertThat(scraper.get("/actuator/env", "application/json").statusCode()).isIn(401, 403, 404);
		assertThat(new WebSession(port).get("/actuator/health", "application/json").statusCode()).isEqualTo(200);
	}

	/** From a configured proxy (here 127.0.0.1) the forwarded address is the client's, in the audit log too. */
	@Test
	void aForwardedForHeaderFromATrustedProxyNamesTheClient() {
		var username = "xff_trusted_" + System.nanoTime();
		var session = new WebSession(port).withHeader("X-Forwarded-For", "203.0.113.7");
		session.get("/login");
		session.post("/login", Map.of("username", username, "password", "wrong-password-123"));
		assertThat(jdbc.queryForList("select client_ip from audit_event where username = ? and action = 'LOGIN_FAILED'",
				String.class, username)).containsExactly("203.0.113.7");
	}

}
