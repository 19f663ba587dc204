package org.pomegranate.unit.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.unit.certificate.CertificateFixtures.Holder;
import org.pomegranate.unit.certificate.CertificateFixtures.Title;
import org.pomegranate.unit.naming.HolderKind;
import org.pomegranate.unit.naming.NamingLevel;
import org.pomegranate.unit.naming.NamingState;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The public verification page that a certificate's QR code opens: anyone may read it, without
 * signing in and without a session; it shows the holder (a household only as 扎西某家庭), title,
 * level, issuer, dates and today's state, and nothing else; a wrong code, a malformed one and one
 * that never was answer the same 404; each client address gets 30 a minute.
 */
@IntegrationTest
class VerificationPageTests {

	/** Each test reads from addresses of its own, so that the rate limit of one does not stop another. */
	private static int nextAddress = 1;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	MessageSource messages;

	@Autowired
	Clock clock;

	private CertificateFixtures fixtures;

	private String village;

	private String address;

	@BeforeEach
	void fixtures() {
		CertificateFixtures.enumLabels(messages);
		fixtures = new CertificateFixtures(jdbc);
		village = fixtures.township(CertificateFixtures.COUNTY)[1];
		address = "198.51.100." + nextAddress++;
	}

	@Test
	void aHouseholdsTitleShowsTheAllowedFieldsAndNothingElse() throws Exception {
		var household = fixtures.household(village, "扎西卓玛", "04", "13912345678", "51322819800101" + suffix());
		var title = fixtures.title(new Holder(HolderKind.HOUSEHOLD, household, village, "扎西卓玛家庭"), "民族团结进步示范家庭",
				NamingLevel.PREFECTURE, CertificateFixtures.PREFECTURE, NamingState.VALID, LocalDate.of(2024, 2, 5),
				LocalDate.of(2029, 2, 4), "阿府发〔2024〕7号", null, null);

		var result = verify(title.verificationCode(), address);
		var page = result.getResponse();
		var body = page.getContentAsString();

		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(labels(body)).containsExactly("命名对象", "称号", "级别", "命名机关", "命名日期", "有效期至");
		assertThat(text(body, "verify-holder")).isEqualTo("扎西某家庭");
		assertThat(text(body, "verify-title")).isEqualTo("民族团结进步示范家庭");
		assertThat(text(body, "verify-level")).isEqualTo("州级");
		assertThat(text(body, "verify-issuer")).isEqualTo("阿坝藏族羌族自治州");
		assertThat(text(body, "verify-named-on")).isEqualTo("2024年2月5日");
		assertThat(text(body, "verify-valid-until")).isEqualTo("2029年2月4日");
		assertThat(text(body, "verify-state")).isEqualTo("有效");
		assertThat(text(body, "verify-as-of")).isEqualTo("状态截至" + chinese(ChinaTime.today(clock)));
		assertThat(body).doesNotContain("扎西卓玛")
			.doesNotContain("13912345678")
			.doesNotContain("51322819800101")
			.doesNotContain("阿府发")
			.doesNotContain("授牌测试")
			.doesNotContain("/namings/")
			.doesNotContain(title.verificationCode())
			.doesNotContain("main-menu")
			.doesNotContain("_csrf")
			.doesNotContain("<form")
			.doesNotContain("<script");
		assertThat(page.getHeader("X-Robots-Tag")).contains("noindex");
		assertThat(page.getHeader("Cache-Control")).contains("no-store");
		assertThat(result.getRequest().getSession(false)).as("a session").isNull();
		assertThat(page.getHeaders("Set-Cookie")).isEmpty();
	}

	@Test
	void aRevokedTitleSaysSoWithItsDateAndAnExpiredOneSaysItHasExpired() throws Exception {
		var unit = fixtures.unit("授牌测试石榴籽工作室", village);
		var revoked = fixtures.title(new Holder(HolderKind.UNIT, unit, village, "黑水县石榴籽工作室"), "民族团结进步示范单位",
				NamingLevel.COUNTY, CertificateFixtures.COUNTY, NamingState.REVOKED, LocalDate.of(2023, 5, 10),
				LocalDate.of(2028, 5, 9), "黑府发〔2023〕3号", null, LocalDate.of(2025, 11, 2));
		var region = village.substring(0, 9);
		var yesterday = ChinaTime.today(clock).minusDays(1);
		var expired = fixtures.title(Holder.region(region, "授牌测试乡"), "民族团结进步示范乡镇", NamingLevel.COUNTY,
				CertificateFixtures.COUNTY, NamingState.VALID, yesterday.minusYears(5).plusDays(1), yesterday, "黑府发〔2020〕1号",
				null, null);

		var ofRevoked = verify(revoked.verificationCode(), address).getResponse().getContentAsString();
		assertThat(text(ofRevoked, "verify-state")).isEqualTo("已撤销");
		assertThat(text(ofRevoked, "verify-revoked-on")).isEqualTo("已于2025年11月2日撤销命名");
		assertThat(text(ofRevoked, "verify-holder")).isEqualTo("黑水县石榴籽工作室");
		assertThat(text(ofRevoked, "verify-issuer")).isEqualTo("黑水县");
		assertThat(ofRevoked).doesNotContain("复查不合格").doesNotContain("授牌测试撤");

		var ofExpired = verify(expired.verificationCode(), address).getResponse().getContentAsString();
		assertThat(text(ofExpired, "verify-state")).isEqualTo("已到期");
		assertThat(text(ofExpired, "verify-valid-until")).isEqualTo(chinese(yesterday));
		assertThat(ofExpired).doesNotContain("verify-revoked-on");
	}

	@Test
	void aWrongCodeAMalformedOneAndOneNeverIssuedAnswerTheSame404() throws Exception {
		var title = fixtures.title(Holder.region(village, "授牌测试村"), "民族团结进步示范村", NamingLevel.COUNTY,
				CertificateFixtures.COUNTY, NamingState.VALID, LocalDate.of(2024, 1, 1), LocalDate.of(2028, 12, 31),
				"黑府发〔2024〕1号", null, null);
		var code = title.verificationCode();
		var oneCharacterOff = code.substring(0, 11) + (code.charAt(11) == 'A' ? 'B' : 'A');
		var answers = new ArrayList<MockHttpServletResponse>();
		for (var wrong : List.of(oneCharacterOff, "ZZZZZZZZZZZZ", code.toLowerCase(), "abc", "0O1IL0O1IL0O", code + "2",
				"中文核验码")) {
			answers.add(verify(wrong, address).getResponse());
		}
		var first = answers.get(0);
		assertThat(first.getStatus()).isEqualTo(404);
		assertThat(first.getContentAsString()).contains("未查到与此核验码对应的命名").doesNotContain("main-menu");
		assertThat(first.getHeader("X-Robots-Tag")).contains("noindex");
		for (var answer : answers) {
			assertThat(answer.getStatus()).isEqualTo(404);
			assertThat(headers(answer)).isEqualTo(headers(first));
			assertThat(answer.getContentAsString()).isEqualTo(first.getContentAsString());
		}
		assertThat(verify(code, address).getResponse().getStatus()).as("the right code").isEqualTo(200);
	}

	@Test
	void eachAddressGetsThirtyAMinuteThen429WithRetryAfter() throws Exception {
		var title = fixtures.title(Holder.region(village, "授牌测试村"), "民族团结进步示范村", NamingLevel.COUNTY,
				CertificateFixtures.COUNTY, NamingState.VALID, LocalDate.of(2024, 1, 1), LocalDate.of(2028, 12, 31),
				"黑府发〔2024〕1号", null, null);
		var busy = "203.0.113." + nextAddress++;
		for (int i = 0; i < 30; i++) {
			var code = i % 2 == 0 ? title.verificationCode() : "ZZZZZZZZZZZZ";
			assertThat(verify(code, busy).getResponse().getStatus()).as("request %d", i + 1).isIn(200, 404);
		}
		var refused = verify(title.verificationCode(), busy).getResponse();
		assertThat(refused.getStatus()).isEqualTo(429);
		assertThat(Integer.parseInt(refused.getHeader("Retry-After"))).isBetween(1, 60);
		assertThat(refused.getContentAsString()).contains("查询过于频繁").doesNotContain("verify-holder");
		assertThat(verify("abc", busy).getResponse().getStatus()).as("a malformed code counts too").isEqualTo(429);

		var other = verify(title.verificationCode(), "203.0.113." + nextAddress++).getResponse();
		assertThat(other.getStatus()).as("another address").isEqualTo(200);
		assertThat(text(other.getContentAsString(), "verify-state")).isEqualTo("有效");
	}

	@Test
	void theCertificatesQrCodeDecodesToTheVerificationPageWhichSaysValid() throws Exception {
		var staff = fixtures.user("STAFF", CertificateFixtures.COUNTY);
		var title = fixtures.title(Holder.region(village, "授牌测试村"), "民族团结进步示范村", NamingLevel.COUNTY,
				CertificateFixtures.COUNTY, NamingState.VALID, LocalDate.of(2024, 2, 29), LocalDate.of(2029, 2, 28),
				"黑府发〔2024〕9号", null, null);

		var png = mvc.perform(get("/namings/{id}/certificate/qr.png", title.id()).with(user(users.loadUserByUsername(staff))))
			.andReturn()
			.getResponse();
		assertThat(png.getStatus()).isEqualTo(200);
		assertThat(png.getContentType()).isEqualTo("image/png");
		var image = ImageIO.read(new ByteArrayInputStream(png.getContentAsByteArray()));
		var decoded = new QRCodeReader()
			.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
			.getText();
		assertThat(decoded).isEqualTo("http://localhost/verify/" + title.verificationCode());

		var page = verify(decoded.substring("http://localhost/verify/".length()), address).getResponse();
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(text(page.getContentAsString(), "verify-state")).isEqualTo("有效");
		assertThat(text(page.getContentAsString(), "verify-holder")).isEqualTo("授牌测试村");
	}

	private MvcResult verify(String code, String from) throws Exception {
		return mvc.perform(get("/verify/" + code).with(from(from))).andReturn();
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private static String suffix() {
		return String.format("%04d", (int) (System.nanoTime() % 10_000));
	}

	static String chinese(LocalDate date) {
		return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
	}

	/** The text of the element with {@code id}, tags inside removed. */
	static String text(String html, String id) {
		var matcher = Pattern.compile("id=\"" + id + "\"[^>]*>(.*?)</", Pattern.DOTALL).matcher(html);
		assertThat(matcher.find()).as("element #%s", id).isTrue();
		return matcher.group(1).strip();
	}

	/** The labels (dt) of the page's fields, in order. */
	private static List<String> labels(String html) {
		var labels = new ArrayList<String>();
		var matcher = Pattern.compile("<dt[^>]*>(.*?)</dt>").matcher(html);
		while (matcher.find()) {
			labels.add(matcher.group(1).strip());
		}
		return labels;
	}

	private static Map<String, List<String>> headers(MockHttpServletResponse response) {
		var headers = new TreeMap<String, List<String>>();
		for (var name : response.getHeaderNames()) {
			if (!name.equalsIgnoreCase("Date")) {
				headers.put(name.toLowerCase(), response.getHeaders(name));
			}
		}
		return headers;
	}

}
