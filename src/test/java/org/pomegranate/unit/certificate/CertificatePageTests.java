package org.pomegranate.unit.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pomegranate.unit.certificate.VerificationPageTests.text;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.unit.certificate.CertificateFixtures.Holder;
import org.pomegranate.unit.naming.HolderKind;
import org.pomegranate.unit.naming.NamingLevel;
import org.pomegranate.unit.naming.NamingState;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The certificate (授牌) a record keeper prints: A4 in 公文 fonts with holder, title, level,
 * issuer, 文号, dates, the verification code and its QR code; an ended title is marked across it;
 * a title of another county, an application and a missing id answer the same 404.
 */
@IntegrationTest
class CertificatePageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	MessageSource messages;

	private CertificateFixtures fixtures;

	private String village;

	@BeforeEach
	void fixtures() {
		CertificateFixtures.enumLabels(messages);
		fixtures = new CertificateFixtures(jdbc);
		village = fixtures.township(CertificateFixtures.COUNTY)[1];
	}

	@Test
	void theCertificateCarriesTheTitleTheIssuerTheDatesTheCodeAndTheQrCode() throws Exception {
		var unit = fixtures.unit("授牌测试工作室", village);
		var title = fixtures.title(new Holder(HolderKind.UNIT, unit, village, "黑水县授牌测试石榴籽工作室"), "民族团结进步示范单位",
				NamingLevel.PREFECTURE, CertificateFixtures.PREFECTURE, NamingState.VALID, LocalDate.of(2024, 2, 5),
				LocalDate.of(2029, 2, 4), "阿府发〔2024〕12号", null, null);
		var staff = fixtures.user("STAFF", CertificateFixtures.COUNTY);

		var page = certificate(title.id(), staff);

		assertThat(page.getStatus()).isEqualTo(200);
		var body = page.getContentAsString();
		assertThat(text(body, "certificate-holder")).isEqualTo("黑水县授牌测试石榴籽工作室");
		assertThat(text(body, "certificate-title")).isEqualTo("民族团结进步示范单位");
		assertThat(text(body, "certificate-level")).isEqualTo("州级");
		assertThat(text(body, "certificate-issuer")).isEqualTo("阿坝藏族羌族自治州");
		assertThat(text(body, "certificate-decision")).isEqualTo("阿府发〔2024〕12号");
		assertThat(text(body, "certificate-named-on")).isEqualTo("2024年2月5日");
		assertThat(text(body, "certificate-validity")).isEqualTo("有效期自2024年2月5日至2029年2月4日。");
		assertThat(text(body, "certificate-code")).isEqualTo(title.verificationCode());
		assertThat(text(body, "certificate-url")).isEqualTo("http://localhost/verify/" + title.verificationCode());
		assertThat(body).contains("src=\"/namings/" + title.id() + "/certificate/qr.png\"")
			.contains("size: A4")
			.contains("\"FangSong\", \"仿宋_GB2312\"")
			.contains("\"方正小标宋简体\"")
			.contains("@media print")
			.contains("id=\"print\"")
			.doesNotContain("@font-face")
			.doesNotContain("id=\"certificate-state\"");
	}

	@Test
	void aRevokedOrExpiredCertificateIsMarkedAcrossIt() throws Exception {
		var staff = fixtures.user("SUPERVISOR", CertificateFixtures.PREFECTURE);
		var revoked = fixtures.title(Holder.region(village, "授牌测试村"), "民族团结进步示范村", NamingLevel.COUNTY,
				CertificateFixtures.COUNTY, NamingState.REVOKED, LocalDate.of(2022, 6, 1), LocalDate.of(2027, 5, 31),
				"黑府发〔2022〕5号", null, LocalDate.of(2025, 9, 9));
		var expired = fixtures.title(Holder.region(village, "授牌测试村"), "民族团结进步示范村", NamingLevel.PREFECTURE,
				CertificateFixtures.PREFECTURE, NamingState.VALID, LocalDate.of(2019, 6, 1), LocalDate.of(2024, 5, 31),
				"阿府发〔2019〕5号", null, null);

		var ofRevoked = certificate(revoked.id(), staff).getContentAsString();
		assertThat(text(ofRevoked, "certificate-state")).isEqualTo("已撤销");
		assertThat(text(ofRevoked, "certificate-ended-notice")).isEqualTo("此证书已撤销，不再有效");
		var ofExpired = certificate(expired.id(), staff).getContentAsString();
		assertThat(text(ofExpired, "certificate-state")).isEqualTo("已到期");
	}

	@Test
	void anotherCountysTitleAnApplicationAndAMissingIdAnswerTheSame404() throws Exception {
		var otherVillage = fixtures.township(CertificateFixtures.OTHER_COUNTY)[1];
		var foreign = fixtures.title(Holder.region(otherVillage, "小金授牌测试村"), "民族团结进步示范村", NamingLevel.COUNTY,
				CertificateFixtures.OTHER_COUNTY, NamingState.VALID, LocalDate.of(2024, 1, 1), LocalDate.of(2028, 12, 31),
				"小府发〔2024〕1号", null, null);
		var application = fixtures.title(Holder.region(village, "授牌测试村"), "民族团结进步示范村", NamingLevel.COUNTY,
				CertificateFixtures.COUNTY, NamingState.APPLIED, null, null, null, null, null);
		var admin = fixtures.user("ADMIN", CertificateFixtures.COUNTY);

		var missing = certificate(987_654_321L, admin);
		assertThat(missing.getStatus()).isEqualTo(404);
		for (var response : List.of(certificate(foreign.id(), admin), certificate(application.id(), admin))) {
			assertThat(response.getStatus()).isEqualTo(404);
			assertThat(response.getContentAsString()).isEqualTo(missing.getContentAsString());
		}
		for (var path : List.of("/namings/" + foreign.id() + "/certificate/qr.png",
				"/namings/" + application.id() + "/certificate/qr.png")) {
			var qr = mvc.perform(get(path).with(user(users.loadUserByUsername(admin)))).andReturn().getResponse();
			assertThat(qr.getStatus()).as(path).isEqualTo(404);
			assertThat(qr.getContentType()).as(path).isNotEqualTo("image/png");
		}
		assertThat(certificate(foreign.id(), fixtures.user("ADMIN", CertificateFixtures.OTHER_COUNTY)).getStatus())
			.as("in its own county").isEqualTo(200);
	}

	private MockHttpServletResponse certificate(long id, String username) throws Exception {
		return mvc.perform(get("/namings/{id}/certificate", id).with(user(users.loadUserByUsername(username))))
			.andReturn()
			.getResponse();
	}

}
