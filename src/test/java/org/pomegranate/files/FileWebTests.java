package org.pomegranate.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.pomegranate.TestDatabaseConfiguration;
import org.pomegranate.WebSession;
import org.pomegranate.shared.ChinaTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Files over real HTTP, through Tomcat, its error pages and every filter: each upload path takes
 * files up to its owner's limit (a photo form 5 MB, a document form 20 MB); a photo a little over
 * it gets the form back with the reason beside the field, a file far over it (beyond 10 MB, or
 * the document form's 20 MB) is refused while the request is parsed; a file of another county answers the very page of a file that does not exist; the headers
 * that keep a file from running in the app's origin survive the security filters.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(TestDatabaseConfiguration.class)
class FileWebTests {

	private static final String PASSWORD = "Shiliuzi-2024!";

	private static final int MIB = 1024 * 1024;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	FileStore files;

	@Test
	void aPhotoFormTakes5MegabytesAndADocumentForm20() {
		var staff = new WebSession(port);
		staff.login("kd_staff", PASSWORD);
		long pairing = jdbc.queryForObject(
				"select min(id) from pairing where region_code like '513301%' and ended_on is null", Long.class);
		long visits = jdbc.queryForObject("select count(*) from visit", Long.class);
		staff.get("/pairings/" + pairing + "/visits/new");
		var photo = staff.postFile("/pairings/" + pairing + "/visits",
				Map.of("visitedOn", LocalDate.now(ChinaTime.ZONE).toString(), "kind", "HOME_VISIT", "visitors", "测试"),
				"photos", "大.jpg", "image/jpeg", jpeg(6 * MIB));
		assertThat(photo.statusCode()).isNotEqualTo(413);
		assertThat(photo.body()).contains("每张照片不能超过 5 MB。");
		assertThat(jdbc.queryForObject("select count(*) from visit", Long.class)).isEqualTo(visits);
		var huge = staff.postFile("/pairings/" + pairing + "/visits",
				Map.of("visitedOn", LocalDate.now(ChinaTime.ZONE).toString(), "kind", "HOME_VISIT", "visitors", "测试"),
				"photos", "巨.jpg", "image/jpeg", jpeg(11 * MIB));
		assertThat(huge.statusCode()).isEqualTo(413);
		assertThat(huge.body()).contains("上传的文件太大");
		assertThat(jdbc.queryForObject("select count(*) from visit", Long.class)).isEqualTo(visits);

		staff.get("/petitions/new");
		var letter = staff.postFile("/petitions", petition("六兆来信"), "attachments", "来信.pdf", "application/pdf",
				pdf(6 * MIB));
		assertThat(letter.statusCode()).isEqualTo(302);
		long petition = Long.parseLong(WebSession.location(letter).replaceAll(".*/", ""));
		assertThat(jdbc.queryForObject("""
				select f.size_bytes from stored_file f join petition_step s on s.id = f.owner_id
				where f.owner_kind = 'petition-step' and s.petition_id = ?""", Long.class, petition))
			.isEqualTo(6L * MIB);

		staff.get("/petitions/new");
		var tooBig = staff.postFile("/petitions", petition("廿一兆来信"), "attachments", "来信.pdf", "application/pdf",
				pdf(21 * MIB));
		assertThat(tooBig.statusCode()).isEqualTo(413);
		assertThat(tooBig.body()).contains("上传的文件太大");
		assertThat(jdbc.queryForObject("select count(*) from petition where title = '廿一兆来信'", Long.class)).isZero();
	}

	@Test
	void aFileOfAnotherCountyAnswersExactlyLikeOneThatDoesNotExist() {
		long ludingVisit = jdbc.queryForObject("select min(id) from visit where region_code like '513322%'", Long.class);
		var luding = files.store("visit", ludingVisit, "513322", Upload.of("泸定走访.jpg", jpeg(64)));
		long missing = jdbc.queryForObject("select coalesce(max(id), 0) + 1000 from stored_file", Long.class);

		var kangding = new WebSession(port);
		kangding.login("kd_staff", PASSWORD);
		var outside = kangding.get("/files/" + luding.id());
		var absent = kangding.get("/files/" + missing);
		assertThat(outside.statusCode()).isEqualTo(404);
		assertThat(absent.statusCode()).isEqualTo(404);
		assertThat(outside.headers().firstValue("Content-Type")).isEqualTo(absent.headers().firstValue("Content-Type"));
		assertThat(withoutCsrfToken(outside)).isEqualTo(withoutCsrfToken(absent)).contains("不在您的管辖范围内");

		var ludingStaff = new WebSession(port);
		ludingStaff.login("ld_staff", PASSWORD);
		var seen = ludingStaff.get("/files/" + luding.id());
		assertThat(seen.statusCode()).isEqualTo(200);
		assertThat(seen.headers().firstValue("Content-Type")).contains("image/jpeg");
		assertThat(seen.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
		assertThat(seen.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(seen.headers().allValues("Content-Security-Policy")).singleElement()
			.satisfies(csp -> assertThat(csp).startsWith("sandbox;").doesNotContain("script-src"));
	}

	@Test
	void aReportFileAnswersOthersThanAdminsExactlyLikeOneThatDoesNotExist() throws Exception {
		jdbc.update("""
				insert into monthly_report (region_code, period_kind, period_start, state, created_by)
				values ('513301', 'MONTH', '1998-01-01', 'DRAFT', 'test') on conflict do nothing""");
		long report = jdbc.queryForObject("""
				select id from monthly_report where region_code = '513301' and period_start = '1998-01-01'""", Long.class);
		var workbook = new java.io.ByteArrayOutputStream();
		try (var sheets = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
			sheets.createSheet("汇总");
			sheets.write(workbook);
		}
		var file = files.store("monthly-report", report, "513301", Upload.of("汇报.xlsx", workbook.toByteArray()));
		long missing = jdbc.queryForObject("select coalesce(max(id), 0) + 1000 from stored_file", Long.class);

		for (var username : new String[] { "kd_supervisor", "kd_staff" }) {
			var session = new WebSession(port);
			session.login(username, PASSWORD);
			var reportFile = session.get("/files/" + file.id());
			var absent = session.get("/files/" + missing);
			assertThat(reportFile.statusCode()).as(username).isEqualTo(404);
			assertThat(withoutCsrfToken(reportFile)).as(username).isEqualTo(withoutCsrfToken(absent));
		}
		var admin = new WebSession(port);
		admin.login("kd_admin", PASSWORD);
		assertThat(admin.get("/files/" + file.id()).statusCode()).isEqualTo(200);
	}

	@Test
	void aMalformedFileIdIsAClientErrorNeverA500() {
		var staff = new WebSession(port);
		staff.login("kd_staff", PASSWORD);
		for (var id : new String[] { "abc", "-1", "0", "99999999999999999999", "1.5", "%00" }) {
			var answer = staff.get("/files/" + id);
			assertThat(answer.statusCode()).as(id).isBetween(400, 499);
			assertThat(answer.body()).as(id).doesNotContain("Exception");
		}
	}

	private HashMap<String, String> petition(String title) {
		var fields = new HashMap<String, String>();
		fields.put("token", UUID.randomUUID().toString());
		fields.put("source", "WALK_IN");
		fields.put("petitionerName", "附件测试");
		fields.put("petitionerPhone", "");
		fields.put("regionCode",
				jdbc.queryForObject("select min(code) from region where parent_code = '513301001'", String.class));
		fields.put("categoryId", jdbc.queryForObject("select min(id) from petition_category", Long.class).toString());
		fields.put("title", title);
		fields.put("description", "");
		fields.put("urgency", "NORMAL");
		fields.put("receivedOn", LocalDate.now(ChinaTime.ZONE).toString());
		fields.put("notDuplicate", "true");
		return fields;
	}

	/** The error page is the same but for the CSRF token, masked afresh for every page. */
	private static String withoutCsrfToken(HttpResponse<String> page) {
		return page.body().replaceAll("name=\"_csrf\"([^>]*)(content|value)=\"[^\"]+\"", "name=\"_csrf\"$1$2=\"\"");
	}

	private static byte[] jpeg(int size) {
		var content = new byte[size];
		content[0] = (byte) 0xFF;
		content[1] = (byte) 0xD8;
		content[2] = (byte) 0xFF;
		return content;
	}

	private static byte[] pdf(int size) {
		var content = new byte[size];
		Arrays.fill(content, (byte) ' ');
		System.arraycopy("%PDF-".getBytes(StandardCharsets.US_ASCII), 0, content, 0, 5);
		return content;
	}

}
