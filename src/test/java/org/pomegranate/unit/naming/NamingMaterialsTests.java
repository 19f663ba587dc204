package org.pomegranate.unit.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pomegranate.unit.naming.NamingFixtures.COUNTY_STAFF;
import static org.pomegranate.unit.naming.NamingFixtures.OTHER_COUNTY_ADMIN;
import static org.pomegranate.unit.naming.NamingFixtures.PREFECTURE_ADMIN;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The files of an application (申报材料附件): staff of the holder's county upload them while the
 * title is 申报中, the issuing admin opens them from the title's page; a double submit stores
 * them once, a wrong type stores nothing, a decided title takes none, and another county's user
 * gets neither the title's files nor a way to add any.
 */
@IntegrationTest
class NamingMaterialsTests {

	private static final byte[] PDF = "%PDF-1.4\n%申报材料\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

	@Autowired
	NamingService namings;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void users() {
		NamingFixtures.users(jdbc);
	}

	@AfterEach
	void signOut() {
		NamingFixtures.signOut();
	}

	@Test
	void staffUploadTheApplicationsFilesAndTheIssuerOpensThem() throws Exception {
		var id = filedByStaff();
		var token = UUID.randomUUID().toString();
		for (int i = 0; i < 2; i++) {
			var sent = upload(id, COUNTY_STAFF, token, new MockMultipartFile("materials", "创建工作报告.pdf", "application/pdf", PDF));
			assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/namings/" + id + "#materials");
		}
		assertThat(stored(id)).isEqualTo(1);

		var page = page(id, PREFECTURE_ADMIN);
		assertThat(page).contains("创建工作报告.pdf").contains(COUNTY_STAFF);
		var link = Pattern.compile("href=\"(/files/\\d+)\"[^>]*>创建工作报告.pdf").matcher(page);
		assertThat(link.find()).isTrue();
		var file = mvc.perform(get(link.group(1)).with(user(users.loadUserByUsername(PREFECTURE_ADMIN)))).andReturn().getResponse();
		assertThat(file.getStatus()).isEqualTo(200);
		assertThat(file.getContentAsByteArray()).isEqualTo(PDF);

		var foreign = mvc.perform(get(link.group(1)).with(user(users.loadUserByUsername(OTHER_COUNTY_ADMIN)))).andReturn().getResponse();
		var missing = mvc.perform(get("/files/{id}", Long.MAX_VALUE).with(user(users.loadUserByUsername(OTHER_COUNTY_ADMIN))))
			.andReturn().getResponse();
		assertThat(foreign.getStatus()).isEqualTo(404).isEqualTo(missing.getStatus());
		assertThat(foreign.getContentAsString()).isEqualTo(missing.getContentAsString());
	}

	@Test
	void aFileOfTheWrongTypeStoresNothingAndSaysWhy() throws Exception {
		var id = filedByStaff();
		var refused = upload(id, COUNTY_STAFF, UUID.randomUUID().toString(),
				new MockMultipartFile("materials", "报告.pdf", "application/pdf", PDF),
				new MockMultipartFile("materials", "台账.pdf", "application/pdf", "不是PDF".getBytes(StandardCharsets.UTF_8)));
		assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/namings/" + id + "#materials");
		assertThat(refused.getFlashMap().get("failureText"))
			.isEqualTo("材料须为 PDF、Word（.docx）、Excel（.xlsx）、JPEG 或 PNG 文件。");
		assertThat(stored(id)).isZero();

		var none = upload(id, COUNTY_STAFF, UUID.randomUUID().toString());
		assertThat(none.getFlashMap().get("failureText")).isEqualTo("请选择要上传的材料。");
		assertThat(stored(id)).isZero();
	}

	@Test
	void aDecidedTitleTakesNoMoreFilesAndTheFormIsGone() throws Exception {
		var id = filedByStaff();
		NamingFixtures.signIn(users, PREFECTURE_ADMIN);
		var filed = namings.get(id);
		namings.name(id, NamingFixtures.naming("阿民宗发〔2026〕" + id + "号", namings.today(), filed.getVersion()));
		NamingFixtures.signOut();

		var refused = upload(id, COUNTY_STAFF, UUID.randomUUID().toString(),
				new MockMultipartFile("materials", "补充.pdf", "application/pdf", PDF));
		assertThat(refused.getFlashMap().get("failure")).isEqualTo("naming.materials.refused.decided");
		assertThat(stored(id)).isZero();
		assertThat(page(id, COUNTY_STAFF)).contains("尚未上传申报材料附件").doesNotContain("id=\"materials-form\"");
	}

	@Test
	void anotherCountysUserCannotAddFilesToATitleTheyCannotSee() throws Exception {
		var id = filedByStaff();
		var foreign = upload(id, OTHER_COUNTY_ADMIN, UUID.randomUUID().toString(),
				new MockMultipartFile("materials", "报告.pdf", "application/pdf", PDF)).getResponse();
		var missing = mvc.perform(multipart("/namings/{id}/materials", Long.MAX_VALUE)
			.file(new MockMultipartFile("materials", "报告.pdf", "application/pdf", PDF))
			.param("submission", UUID.randomUUID().toString())
			.with(user(users.loadUserByUsername(OTHER_COUNTY_ADMIN)))
			.with(csrf())).andReturn().getResponse();
		assertThat(foreign.getStatus()).isEqualTo(404).isEqualTo(missing.getStatus());
		assertThat(foreign.getContentAsString()).isEqualTo(missing.getContentAsString());
		assertThat(stored(id)).isZero();
	}

	/** A county title applied for by the county's staff, as the application form files it. */
	private long filedByStaff() {
		var township = NamingFixtures.freshTownship(jdbc, "513201");
		NamingFixtures.signIn(users, COUNTY_STAFF);
		var filed = namings.file(NamingFixtures.application("R:" + township, NamingFixtures.title(), NamingLevel.PREFECTURE, null));
		NamingFixtures.signOut();
		return filed.getId();
	}

	private MvcResult upload(long id, String username, String token, MockMultipartFile... files)
			throws Exception {
		var request = multipart("/namings/{id}/materials", id);
		for (var file : files) {
			request.file(file);
		}
		return mvc.perform(request.param("submission", token).with(user(users.loadUserByUsername(username))).with(csrf()))
			.andReturn();
	}

	private String page(long id, String username) throws Exception {
		return mvc.perform(get("/namings/{id}", id).with(user(users.loadUserByUsername(username))))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private long stored(long id) {
		return jdbc.queryForObject("select count(*) from stored_file where owner_kind = 'naming-material' and owner_id = ?",
				Long.class, id);
	}

}
