package org.pomegranate.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ContentDisposition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The one download endpoint: nothing it serves can run in the app's origin (issue 10, item 19),
 * a file answers as its owner record does, and the pages show files from it. ({@link FileWebTests}
 * compares the 404 of another county's file with that of a missing one over real HTTP.)
 */
@IntegrationTest
class FileDownloadTests {

	private static final byte[] JPEG = Arrays.copyOf(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 }, 32);

	private static final byte[] PDF_WITH_SCRIPT = "%PDF-1.7\n1 0 obj<</OpenAction<</S/JavaScript/JS(app.alert(1))>>>>endobj\n"
		.getBytes(StandardCharsets.ISO_8859_1);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	FileStore files;

	@Autowired
	UserDetailsService users;

	@Test
	void aJpegWithHtmlAppendedIsAnAttachmentNamedForWhatItIs() throws Exception {
		var polyglot = new ByteArrayOutputStream();
		polyglot.write(JPEG);
		polyglot.write("<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.US_ASCII));
		var stored = files.store("visit", visit("513301"), "513301", Upload.of("x.html", polyglot.toByteArray()));

		var response = download(stored.id(), "kd_staff");
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("image/jpeg");
		assertThat(response.getContentAsByteArray()).isEqualTo(polyglot.toByteArray());
		assertSafe(response, "x.jpg");
	}

	@Test
	void aPdfWithJavaScriptIsAnAttachmentInASandbox() throws Exception {
		var step = jdbc.queryForMap("select min(id) as id from petition_step where region_code like '513301%'");
		var stored = files.store("petition-step", (Long) step.get("id"), "513301",
				Upload.of("回复函.html", PDF_WITH_SCRIPT));

		var response = download(stored.id(), "kd_staff");
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("application/pdf");
		assertThat(response.getContentLengthLong()).isEqualTo(PDF_WITH_SCRIPT.length);
		assertSafe(response, "回复函.pdf");
	}

	@Test
	void aFileOfAnotherCountyIsNotFoundAndItsCountySeesIt() throws Exception {
		var luding = files.store("visit", visit("513322"), "513322", Upload.of("泸定走访.jpg", JPEG));
		long audited = outOfScopeAttempts(luding.id());
		var outside = download(luding.id(), "kd_staff");
		assertThat(outside.getStatus()).isEqualTo(404);
		assertThat(outside.getHeader("Content-Disposition")).isNull();
		assertThat(outOfScopeAttempts(luding.id())).isEqualTo(audited + 1);
		assertThat(download(luding.id(), "ld_staff").getStatus()).isEqualTo(200);
		assertThat(download(luding.id(), "gz_supervisor").getStatus()).isEqualTo(200);
		assertThat(download(luding.id(), "gz_reviewer").getStatus()).isEqualTo(404);
	}

	@Test
	void pagesShowPhotosAndAttachmentsFromTheOneEndpoint() throws Exception {
		long visit = visit("513301");
		var photo = files.store("visit", visit, "513301", Upload.of("走访.jpg", JPEG));
		long household = jdbc.queryForObject("select household_id from visit where id = ?", Long.class, visit);
		var page = page("/households/" + household);
		assertThat(page).contains("src=\"/files/" + photo.id() + "\"").doesNotContain("/visits/photos/");

		var step = jdbc.queryForMap("select id, petition_id from petition_step where region_code like '513301%' limit 1");
		var letter = files.store("petition-step", (Long) step.get("id"), "513301", Upload.of("来信.pdf", PDF_WITH_SCRIPT));
		assertThat(page("/petitions/" + step.get("petition_id"))).contains("href=\"/files/" + letter.id() + "\"")
			.contains("来信.pdf")
			.doesNotContain("/petition-attachments/");
	}

	private static void assertSafe(MockHttpServletResponse response, String filename) {
		var disposition = ContentDisposition.parse(response.getHeader("Content-Disposition"));
		assertThat(disposition.isAttachment()).isTrue();
		assertThat(disposition.getFilename()).isEqualTo(filename);
		assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.getHeaders("Content-Security-Policy")).singleElement()
			.satisfies(csp -> assertThat(csp).contains("sandbox").contains("default-src 'none'").doesNotContain("script-src"));
		assertThat(response.getHeader("Cache-Control")).contains("no-store");
	}

	private MockHttpServletResponse download(long id, String username) throws Exception {
		return mvc.perform(get("/files/{id}", id).header("Accept", "text/html").with(user(users.loadUserByUsername(username))))
			.andReturn()
			.getResponse();
	}

	private String page(String path) throws Exception {
		var response = mvc.perform(get(path).with(user(users.loadUserByUsername("kd_staff")))).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString();
	}

	private long visit(String county) {
		return jdbc.queryForObject("select min(id) from visit where region_code like ?", Long.class, county + "%");
	}

	private long outOfScopeAttempts(long fileId) {
		return jdbc.queryForObject("""
				select count(*) from audit_event where action = 'OUT_OF_SCOPE' and entity_type = 'StoredFile'
				and entity_id = ?""", Long.class, String.valueOf(fileId));
	}

}
