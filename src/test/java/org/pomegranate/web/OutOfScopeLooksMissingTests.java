package org.pomegranate.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.Site;
import org.pomegranate.TestDatabaseConfiguration;
import org.pomegranate.WebSession;
import org.pomegranate.files.FileStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * A record of another county answers exactly what a record that does not exist answers, through
 * every id route of {@link AuthorizationMatrixTests}' enumeration, over real HTTP (so the error
 * page is rendered as a browser or a script receives it): the same status, the same headers and
 * the same body apart from the CSRF token, for a page request and for one without an Accept header.
 * Otherwise the size of the answer would count the records of other counties.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(TestDatabaseConfiguration.class)
class OutOfScopeLooksMissingTests {

	/** An id and a region code that no record has. */
	private static final String MISSING_ID = "987654321";

	private static final String MISSING_CODE = "513322987";

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	FileStore files;

	private Map<String, String> foreign;

	private Map<String, String> missing;

	@BeforeEach
	void records() {
		AuthorizationMatrixTests.records("513301", "kd_staff", jdbc, files);
		foreign = AuthorizationMatrixTests.records("513322", "ld_staff", jdbc, files);
		missing = new LinkedHashMap<>();
		foreign.forEach((kind, id) -> missing.put(kind, kind.equals("code") ? MISSING_CODE : MISSING_ID));
	}

	@Test
	void aForeignIdAnswersByteForByteWhatAMissingIdAnswers() {
		// A public route (the verification page) is not scoped by region; its own tests hold its 404s identical.
		var routes = AuthorizationMatrixTests.routes(mappings)
			.stream()
			.filter(route -> route.contains("{") && AuthorizationMatrixTests.MATRIX.get(route) != null)
			.toList();
		assertThat(routes).hasSizeGreaterThan(30);
		var failures = new ArrayList<String>();
		for (var username : List.of("kd_admin", "kd_staff")) {
			var session = new WebSession(port);
			session.login(username, Site.DEMO_PASSWORD);
			for (var route : routes) {
				for (var accept : new String[] { "text/html", null }) {
					var method = route.substring(0, route.indexOf(' '));
					var ofForeign = session.request(method, AuthorizationMatrixTests.path(route, foreign), accept,
							AuthorizationMatrixTests.parameters(route, foreign));
					var ofMissing = session.request(method, AuthorizationMatrixTests.path(route, missing), accept,
							AuthorizationMatrixTests.parameters(route, missing));
					var where = username + " " + route + (accept == null ? " (no Accept)" : " (" + accept + ")");
					if (ofForeign.statusCode() != ofMissing.statusCode()) {
						failures.add(where + ": status " + ofForeign.statusCode() + " ≠ " + ofMissing.statusCode());
					}
					else if (!headers(ofForeign).equals(headers(ofMissing))) {
						failures.add(where + ": headers " + headers(ofForeign) + " ≠ " + headers(ofMissing));
					}
					else if (!body(ofForeign).equals(body(ofMissing))) {
						failures.add(where + ": bodies of " + ofForeign.body().length() + " and "
								+ ofMissing.body().length() + " characters differ");
					}
				}
			}
		}
		assertThat(failures).isEmpty();
	}

	/** The 404 of a missing record is the site's page in the user's language, with the menu. */
	@Test
	void theNotFoundPageKeepsTheMenuAndSpeaksChinese() {
		var session = new WebSession(port);
		session.login("kd_staff", Site.DEMO_PASSWORD);
		var page = session.get("/households/" + foreign.get("household"));
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("页面不存在").contains("id=\"main-menu\"").contains("康定市");
		var script = session.request("GET", "/households/" + foreign.get("household"), null, Map.of());
		assertThat(script.statusCode()).isEqualTo(404);
		assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("json"));
		assertThat(script.body()).contains("\"status\":404").contains("不在您的管辖范围内").doesNotContain("households");
	}

	/** Every header but the date and the connection's (Tomcat closes one after so many requests), names in lower case. */
	private static Map<String, List<String>> headers(HttpResponse<String> response) {
		var headers = new TreeMap<String, List<String>>();
		response.headers().map().forEach((name, values) -> {
			if (!name.equalsIgnoreCase("date") && !name.equalsIgnoreCase("connection") && !name.equalsIgnoreCase("keep-alive")) {
				headers.put(name.toLowerCase(), values);
			}
		});
		return headers;
	}

	/** The body with its CSRF tokens (a fresh mask on every page) blanked. */
	private static String body(HttpResponse<String> response) {
		return response.body()
			.replaceAll("(name=\"_csrf\"[^>]*content=\")[^\"]+", "$1")
			.replaceAll("(name=\"_csrf\" value=\")[^\"]+", "$1");
	}

}
