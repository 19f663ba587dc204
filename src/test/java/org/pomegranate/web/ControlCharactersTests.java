package org.pomegranate.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.Site;
import org.pomegranate.TestDatabaseConfiguration;
import org.pomegranate.WebSession;
import org.pomegranate.files.FileStore;
import org.pomegranate.shared.IdNumber;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * NUL and the other control characters nobody types are refused once, at the edge, before any
 * controller or the database sees them: 400, a page in Chinese (JSON for a script), nothing
 * written, and no stack trace in the log. Tabs and line breaks stay allowed in form fields, where
 * a text area sends them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(TestDatabaseConfiguration.class)
class ControlCharactersTests {

	private static final String REFUSED = "含有不可见的控制字符";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	FileStore files;

	private WebSession admin;

	private ListAppender<ILoggingEvent> log;

	@BeforeEach
	void signIn() {
		admin = new WebSession(port);
		admin.login("kd_admin", Site.DEMO_PASSWORD);
		log = new ListAppender<>();
		log.start();
		((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(log);
	}

	@AfterEach
	void stopListening() {
		((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(log);
	}

	@Test
	void aControlCharacterInAListFilterIsRefusedWithAChinesePage() {
		var failures = new ArrayList<String>();
		for (var list : List.of("/households?q=%00", "/cadres?q=%00", "/petitions?q=%00", "/visits?regionCode=%00",
				"/pairings?q=a%00b", "/admin/users?q=%00", "/regions/search?q=%00", "/households?regionCode=513301%01",
				"/petitions/export?q=%00", "/households?%00=1", "/households/1%01", "/regions/513301%01")) {
			var page = admin.get(list);
			if (page.statusCode() != 400 || !page.body().contains(REFUSED) || !page.body().contains("id=\"main-menu\"")) {
				failures.add(list + ": " + page.statusCode() + " " + title(page));
			}
		}
		assertThat(failures).isEmpty();
		// Tomcat itself refuses a NUL or an encoded slash in the path, before any filter of the application.
		for (var path : List.of("/regions/513301%00", "/households/1%2F2")) {
			var refused = admin.get(path);
			assertThat(refused.statusCode()).as(path).isEqualTo(400);
			assertThat(refused.body()).as(path).contains("请求无效").doesNotContain("Tomcat");
		}
		assertThat(stackTraces()).isEmpty();
	}

	@Test
	void aScriptGetsTheRefusalAsJson() {
		var answer = admin.request("GET", "/api/stats/tiles?region=%00", "application/json", Map.of());
		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("json"));
		assertThat(answer.body()).contains("\"status\":400").contains(REFUSED);
	}

	@Test
	void aControlCharacterInAFormIsRefusedAndNothingIsWritten() {
		var kangding = AuthorizationMatrixTests.records("513301", "kd_staff", jdbc, files);
		var forms = new LinkedHashMap<String, Map<String, String>>();
		forms.put("/cadres", Map.of("name", "控制\0干部", "gender", "MALE", "ethnicity", "01", "level", "GENERAL",
				"regionCode", "513301001", "version", "0"));
		forms.put("/petition-departments", Map.of("name", "控制\0单位"));
		forms.put("/regions/513301001/children", Map.of("name", "控制\0村"));
		forms.put("/admin/users", Map.of("username", "control_user", "displayName", "控制\0用户", "role", "STAFF",
				"regionCode", "513301", "password", "Control-Chars-2024", "confirmPassword", "Control-Chars-2024"));
		forms.put("/pairings/" + kangding.get("pairing") + "/visits", Map.of("visitedOn", "2024-01-02", "kind", "PHONE",
				"visitors", "控制测试", "findings", "第一行\n第二行\0", "aidAmount", "0"));
		forms.put("/households", Map.of("headName", "控制\0家庭", "idNumber", "", "ethnicity", "01", "regionCode",
				"513301001001", "memberCount", "1", "version", "0"));
		long visitsBefore = count("select count(*) from visit where visitors = '控制测试'");
		var failures = new ArrayList<String>();
		forms.forEach((path, form) -> {
			var page = admin.post(path, form);
			if (page.statusCode() != 400 || !page.body().contains(REFUSED) || page.body().contains("该身份证号已登记过家庭")) {
				failures.add(path + ": " + page.statusCode() + " " + title(page));
			}
		});
		assertThat(failures).isEmpty();
		assertThat(count("select count(*) from cadre where name like '控制%'")).isZero();
		assertThat(count("select count(*) from petition_department where name like '控制%'")).isZero();
		assertThat(count("select count(*) from region where name like '控制%'")).isZero();
		assertThat(count("select count(*) from user_account where username = 'control_user'")).isZero();
		assertThat(count("select count(*) from visit where visitors = '控制测试'")).isEqualTo(visitsBefore);
		assertThat(count("select count(*) from household where head_name like '控制%'")).isZero();
		assertThat(stackTraces()).isEmpty();
	}

	/**
	 * A write the database refuses for a reason other than the ID number's unique index (here a
	 * check added for the test) is not called a duplicate ID number: the general message instead.
	 */
	@Test
	void aWriteTheDatabaseRefusesForAnotherReasonIsNotCalledADuplicateIdNumber() {
		var village = jdbc.queryForObject("select min(code) from region where parent_code = '513301001'", String.class);
		String idNumber;
		int serial = (int) (System.nanoTime() % 900);
		do {
			idNumber = IdNumber.withCheckCharacter("51330119510203" + (100 + serial++ % 900));
		}
		while (count("select count(*) from household where id_number = '" + idNumber + "'") > 0);
		jdbc.execute("alter table household add constraint household_refusal_sample check (head_name <> '约束测试户') not valid");
		try {
			var page = admin.post("/households", Map.of("headName", "约束测试户", "idNumber", idNumber, "ethnicity", "01",
					"regionCode", village, "memberCount", "1", "version", "0"));
			assertThat(page.body()).contains("数据库拒绝了这次保存").doesNotContain("该身份证号已登记过家庭");
			assertThat(page.statusCode()).isEqualTo(422);
		}
		finally {
			jdbc.execute("alter table household drop constraint household_refusal_sample");
		}
		assertThat(count("select count(*) from household where head_name = '约束测试户'")).isZero();
		assertThat(stackTraces()).isEmpty();
	}

	/** A text area sends line breaks and tabs; the edge lets them through to the form's own rules. */
	@Test
	void lineBreaksAndTabsReachTheForm() {
		var page = admin.get("/households?q=%E6%8E%A7%09%0A");
		assertThat(page.statusCode()).isEqualTo(200);
	}

	private long count(String sql) {
		return jdbc.queryForObject(sql, Long.class);
	}

	private static String title(HttpResponse<String> page) {
		var body = page.body();
		int start = body.indexOf("<title>");
		return start < 0 ? body.substring(0, Math.min(200, body.length()))
				: body.substring(start, Math.min(body.length(), body.indexOf("</title>", start) + 8));
	}

	/** What was logged with a stack trace while the requests ran. */
	private List<String> stackTraces() {
		return log.list.stream()
			.filter(event -> event.getThrowableProxy() != null)
			.map(event -> event.getLoggerName() + ": " + event.getFormattedMessage())
			.toList();
	}

}
