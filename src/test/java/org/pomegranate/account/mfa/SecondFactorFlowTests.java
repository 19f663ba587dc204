package org.pomegranate.account.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.TestDatabaseConfiguration;
import org.pomegranate.WebSession;
import org.pomegranate.account.demo.DemoAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.util.HtmlUtils;

/**
 * The second factor over real HTTP with real sessions in PostgreSQL, on the demo database (where
 * admins are not obliged to enrol, but anyone who enrolled is asked): enrolment, the second step,
 * lockout, replay, recovery codes, the reset by a higher admin, and the supervisors' rule per region.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(TestDatabaseConfiguration.class)
class SecondFactorFlowTests {

	private static final Pattern QR_IMAGE = Pattern.compile("id=\"second-factor-qr\" src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");

	private static final Pattern URI = Pattern.compile("id=\"second-factor-uri\"[^>]*>([^<]+)</code>");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	private SecondFactorFixtures fixtures;

	@BeforeEach
	void fixtures() {
		fixtures = new SecondFactorFixtures(jdbc, passwordEncoder);
	}

	@Test
	void theQrCodeIsAPngOfTheOtpauthUriAndTheSecretIsShownBesideIt() throws Exception {
		var admin = fixtures.user("mfa_qr", "ADMIN", "513301");
		var session = signedIn(admin);
		session.post("/account/second-factor/setup", Map.of());
		var page = session.get("/account/second-factor/setup").body();
		var png = Base64.getDecoder().decode(match(QR_IMAGE, page));
		assertThat(png).startsWith(0x89, 'P', 'N', 'G');
		var uri = HtmlUtils.htmlUnescape(match(URI, page));
		assertThat(decodeQr(png)).isEqualTo(uri);
		var secret = SecondFactorFixtures.secretOn(page);
		assertThat(uri).startsWith("otpauth://totp/" + admin + "?secret=" + secret + "&issuer=")
			.contains("digits=6", "period=30", "algorithm=SHA1");
		// Pending, it changes nothing at sign-in yet.
		assertThat(WebSession.location(new WebSession(port).login(admin, SecondFactorFixtures.PASSWORD))).isEqualTo("/");
	}

	@Test
	void anEnrolledAdminPassesTheSecondStepAndNothingElseIsReachableBefore() {
		var admin = fixtures.user("mfa_step", "ADMIN", "513301");
		var enrolled = fixtures.enrol(signedIn(admin));
		assertThat(fixtures.count("select count(*) from audit_event where username = ? and action = 'SECOND_FACTOR_ENROL'", admin))
			.isEqualTo(1);
		assertThat(fixtures.count("select count(*) from second_factor_recovery_code where user_id = ? and code_hash like '{bcrypt}%'",
				fixtures.userId(admin))).isEqualTo(10);

		var session = new WebSession(port);
		assertThat(session.lastPage()).isNull();
		session.login(admin, SecondFactorFixtures.PASSWORD);
		assertThat(session.lastPage().body()).contains("请输入手机身份验证器上显示的 6 位验证码");
		for (var path : new String[] { "/", "/admin/users", "/account/password", "/api/stats/tiles" }) {
			var refused = session.get(path);
			assertThat(WebSession.location(refused)).as(path).isEqualTo("/login/second-factor");
		}
		var passed = session.post("/login/second-factor", Map.of("code", fixtures.freshCode(admin, enrolled.secret())));
		assertThat(WebSession.location(passed)).startsWith("/api/stats/tiles");
		assertThat(session.get("/admin/users").body()).contains("用户管理");
		assertThat(fixtures.count("select count(*) from audit_event where username = ? and action = 'SECOND_FACTOR_LOGIN'", admin))
			.isEqualTo(1);
	}

	@Test
	void fiveWrongCodesLockTheSecondStepForFifteenMinutes() {
		var admin = fixtures.user("mfa_lock", "ADMIN", "513301");
		var enrolled = fixtures.enrol(signedIn(admin));
		var session = new WebSession(port);
		session.login(admin, SecondFactorFixtures.PASSWORD);
		for (int attempt = 1; attempt <= 4; attempt++) {
			var wrong = session.post("/login/second-factor", Map.of("code", SecondFactorFixtures.wrongCode(enrolled.secret())));
			assertThat(WebSession.location(wrong)).isEqualTo("/login/second-factor?error");
		}
		assertThat(session.get("/login/second-factor?error").body()).contains("验证码不正确");
		var fifth = session.post("/login/second-factor", Map.of("code", SecondFactorFixtures.wrongCode(enrolled.secret())));
		assertThat(WebSession.location(fifth)).isEqualTo("/login/second-factor?locked");
		assertThat(session.get("/login/second-factor?locked").body()).contains("双因素认证已锁定 15 分钟");

		// Locked, even the right code is refused, in this session and in a new one.
		var right = session.post("/login/second-factor", Map.of("code", fixtures.freshCode(admin, enrolled.secret())));
		assertThat(WebSession.location(right)).isEqualTo("/login/second-factor?locked");
		var again = new WebSession(port);
		again.login(admin, SecondFactorFixtures.PASSWORD);
		assertThat(WebSession.location(again.post("/login/second-factor",
				Map.of("code", fixtures.freshCode(admin, enrolled.secret()))))).isEqualTo("/login/second-factor?locked");
		assertThat(WebSession.location(again.get("/"))).isEqualTo("/login/second-factor");

		assertThat(fixtures.count("select count(*) from audit_event where username = ? and action = 'SECOND_FACTOR_FAILED'", admin))
			.isEqualTo(7);
		assertThat(fixtures.count("select count(*) from audit_event where username = ? and action = 'SECOND_FACTOR_LOCKOUT'", admin))
			.isEqualTo(1);
	}

	@Test
	void aCodeIsRefusedTheSecondTimeWithinItsTimeStep() {
		var admin = fixtures.user("mfa_replay", "ADMIN", "513301");
		var enrolled = fixtures.enrol(signedIn(admin));
		var code = fixtures.freshCode(admin, enrolled.secret());
		var first = new WebSession(port);
		first.login(admin, SecondFactorFixtures.PASSWORD);
		assertThat(WebSession.location(first.post("/login/second-factor", Map.of("code", code)))).isEqualTo("/?continue");
		assertThat(first.get("/").statusCode()).isEqualTo(200);

		var replay = new WebSession(port);
		replay.login(admin, SecondFactorFixtures.PASSWORD);
		assertThat(WebSession.location(replay.post("/login/second-factor", Map.of("code", code))))
			.isEqualTo("/login/second-factor?replayed");
		assertThat(replay.get("/login/second-factor?replayed").body()).contains("该验证码已使用过");
		assertThat(WebSession.location(replay.get("/"))).isEqualTo("/login/second-factor");
		// So is the code that confirmed the enrolment, and any older one.
		long step = SecondFactorFixtures.step(Instant.now());
		assertThat(WebSession.location(replay.post("/login/second-factor",
				Map.of("code", SecondFactorFixtures.code(enrolled.secret(), step - 1))))).startsWith("/login/second-factor?");
	}

	@Test
	void aRecoveryCodeSignsInOnceAndOnlyOnce() {
		var admin = fixtures.user("mfa_recovery", "ADMIN", "513301");
		var enrolled = fixtures.enrol(signedIn(admin));
		var recoveryCode = enrolled.recoveryCodes().get(3);

		var first = new WebSession(port);
		first.login(admin, SecondFactorFixtures.PASSWORD);
		var passed = first.post("/login/second-factor", Map.of("recoveryCode", recoveryCode.toUpperCase()));
		assertThat(WebSession.location(passed)).isEqualTo("/?continue");
		assertThat(first.get("/account/second-factor").body()).contains("剩余 9 个未使用的恢复码");
		assertThat(fixtures.count("select count(*) from audit_event where username = ? and action = 'RECOVERY_CODE_LOGIN'", admin))
			.isEqualTo(1);

		var second = new WebSession(port);
		second.login(admin, SecondFactorFixtures.PASSWORD);
		assertThat(WebSession.location(second.post("/login/second-factor", Map.of("recoveryCode", recoveryCode))))
			.isEqualTo("/login/second-factor?error");
		assertThat(WebSession.location(second.get("/"))).isEqualTo("/login/second-factor");
		// Another of the codes still works.
		assertThat(WebSession.location(second.post("/login/second-factor",
				Map.of("recoveryCode", enrolled.recoveryCodes().get(4))))).isEqualTo("/?continue");
	}

	@Test
	void onlyAnAdminOfAHigherRegionResetsASecondFactor() {
		var target = fixtures.user("mfa_reset", "ADMIN", "513301");
		var enrolled = fixtures.enrol(signedIn(target));
		long id = fixtures.userId(target);
		var targetSession = new WebSession(port);
		targetSession.login(target, SecondFactorFixtures.PASSWORD);
		targetSession.post("/login/second-factor", Map.of("code", fixtures.freshCode(target, enrolled.secret())));
		assertThat(targetSession.get("/").statusCode()).isEqualTo(200);

		// An admin of the same county (康定市) may not: peers cannot strip each other's second factor.
		var peer = new WebSession(port);
		peer.login("kd_admin", DemoAccounts.PASSWORD);
		assertThat(peer.get("/admin/users/" + id + "/second-factor").body()).contains("已绑定")
			.contains("只有上级区划的管理员可以重置该用户的双因素认证")
			.doesNotContain("id=\"second-factor-reset\"");
		peer.post("/admin/users/" + id + "/second-factor/reset", Map.of());
		assertThat(fixtures.count("select count(*) from second_factor where user_id = ?", id)).isEqualTo(1);
		// Nor may an admin of another county, who does not even see the user.
		var other = new WebSession(port);
		other.login(fixtures.user("mfa_ld_admin", "ADMIN", "513322"), SecondFactorFixtures.PASSWORD);
		assertThat(other.get("/admin/users/" + id + "/second-factor").statusCode()).isEqualTo(404);
		assertThat(other.post("/admin/users/" + id + "/second-factor/reset", Map.of()).statusCode()).isEqualTo(404);
		assertThat(fixtures.count("select count(*) from second_factor where user_id = ?", id)).isEqualTo(1);

		// The prefecture's admin may; the user's sessions end and they enrol again.
		var prefecture = new WebSession(port);
		prefecture.login("gz_admin", DemoAccounts.PASSWORD);
		var reset = prefecture.post("/admin/users/" + id + "/second-factor/reset", Map.of());
		assertThat(prefecture.get(WebSession.location(reset)).body()).contains("双因素认证已重置").contains("未绑定");
		assertThat(fixtures.count("select count(*) from second_factor where user_id = ?", id)).isZero();
		assertThat(fixtures.count("select count(*) from second_factor_recovery_code where user_id = ?", id)).isZero();
		assertThat(WebSession.location(targetSession.get("/"))).endsWith("/login");
		assertThat(fixtures.count("select count(*) from audit_event where username = 'gz_admin' and action = 'SECOND_FACTOR_RESET' "
				+ "and entity_id = ?", String.valueOf(id))).isEqualTo(1);
		assertThat(WebSession.location(new WebSession(port).login(target, SecondFactorFixtures.PASSWORD))).isEqualTo("/");
	}

	@Test
	void anAdminRequiresTheSecondFactorOfTheSupervisorsOfARegion() {
		var township = fixtures.township();
		var otherTownship = fixtures.township();
		var supervisor = fixtures.user("mfa_sup", "SUPERVISOR", township);
		var otherSupervisor = fixtures.user("mfa_sup_other", "SUPERVISOR", otherTownship);
		var session = signedIn(supervisor);
		assertThat(session.get("/").statusCode()).isEqualTo(200);

		var admin = new WebSession(port);
		admin.login("kd_admin", DemoAccounts.PASSWORD);
		var required = admin.post("/admin/second-factor/regions", Map.of("region", township, "required", "true"));
		assertThat(admin.get(WebSession.location(required)).body()).contains("已要求该区划及下级的督导使用双因素认证")
			.contains(township);
		assertThat(fixtures.count("select count(*) from audit_event where username = 'kd_admin' "
				+ "and action = 'SECOND_FACTOR_REQUIREMENT' and entity_id = ?", township)).isEqualTo(1);
		// A region outside the admin's county is not theirs to set: it answers as a code of no region.
		var outside = admin.post("/admin/second-factor/regions", Map.of("region", "513322", "required", "true"));
		var missing = admin.post("/admin/second-factor/regions", Map.of("region", "513301999", "required", "true"));
		assertThat(outside.statusCode()).isEqualTo(302).isEqualTo(missing.statusCode());
		assertThat(WebSession.location(outside)).isEqualTo(WebSession.location(missing)).isEqualTo("/admin/second-factor");
		assertThat(admin.get("/admin/second-factor").body()).contains("请输入本辖区内存在的区划代码");
		assertThat(fixtures.count("select count(*) from second_factor_region where region_code = '513322'")).isZero();

		// The supervisor's open session now leads to enrolment only; the other township's does not.
		assertThat(WebSession.location(session.get("/"))).isEqualTo("/account/second-factor");
		assertThat(session.get("/account/second-factor").body()).contains("您的账号必须使用双因素认证");
		assertThat(signedIn(otherSupervisor).get("/").statusCode()).isEqualTo(200);
		var enrolled = fixtures.enrol(session);
		assertThat(session.get("/").statusCode()).isEqualTo(200);
		var next = new WebSession(port);
		next.login(supervisor, SecondFactorFixtures.PASSWORD);
		assertThat(WebSession.location(next.get("/"))).isEqualTo("/login/second-factor");
		next.post("/login/second-factor", Map.of("code", fixtures.freshCode(supervisor, enrolled.secret())));
		assertThat(next.get("/").statusCode()).isEqualTo(200);

		admin.post("/admin/second-factor/regions", Map.of("region", township, "required", "false"));
		assertThat(fixtures.count("select count(*) from second_factor_region where region_code = ?", township)).isZero();
	}

	@Test
	void anAdminMayNotLiftOrSetTheRuleOfTheirOwnRegionOnlyOfRegionsBelow() {
		var township = fixtures.township();
		var townshipAdmin = signedIn(fixtures.user("mfa_town_admin", "ADMIN", township));
		var county = new WebSession(port);
		county.login("kd_admin", DemoAccounts.PASSWORD);
		var required = county.post("/admin/second-factor/regions", Map.of("region", township, "required", "true"));
		assertThat(county.get(WebSession.location(required)).body()).contains("已要求该区划及下级的督导使用双因素认证");
		assertThat(fixtures.count("select count(*) from second_factor_region where region_code = ?", township)).isEqualTo(1);

		// The township's own admin sees the county's rule but may not lift it, nor set one on their own region.
		var page = townshipAdmin.get("/admin/second-factor").body();
		assertThat(page).contains(township).doesNotContain("取消要求");
		townshipAdmin.post("/admin/second-factor/regions", Map.of("region", township, "required", "false"));
		assertThat(townshipAdmin.get("/admin/second-factor").body())
			.contains("只有上级区划的管理员可以设置或取消该区划督导的双因素认证要求");
		assertThat(fixtures.count("select count(*) from second_factor_region where region_code = ?", township)).isEqualTo(1);
		var ownCounty = county.post("/admin/second-factor/regions", Map.of("region", "513301", "required", "true"));
		assertThat(county.get(WebSession.location(ownCounty)).body())
			.contains("只有上级区划的管理员可以设置或取消该区划督导的双因素认证要求");
		assertThat(fixtures.count("select count(*) from second_factor_region where region_code = '513301'")).isZero();

		county.post("/admin/second-factor/regions", Map.of("region", township, "required", "false"));
		assertThat(fixtures.count("select count(*) from second_factor_region where region_code = ?", township)).isZero();
	}

	@Test
	void aSecondSessionWithThePasswordOnlyNeitherSeesNorConfirmsTheSecretAnotherSessionEnrols() {
		var admin = fixtures.user("mfa_twosessions", "ADMIN", "513301");
		var owner = signedIn(admin);
		owner.post("/account/second-factor/setup", Map.of());
		var ownerSecret = SecondFactorFixtures.secretOn(owner.get("/account/second-factor/setup").body());

		var intruder = signedIn(admin);
		assertThat(intruder.get("/account/second-factor").body()).doesNotContain("继续绑定").doesNotContain(ownerSecret);
		assertThat(WebSession.location(intruder.get("/account/second-factor/setup"))).isEqualTo("/account/second-factor");
		var guessed = intruder.post("/account/second-factor/confirm",
				Map.of("code", SecondFactorFixtures.code(ownerSecret, SecondFactorFixtures.step(Instant.now()))));
		assertThat(WebSession.location(guessed)).isEqualTo("/account/second-factor");
		assertThat(fixtures.count("select count(*) from second_factor where user_id = ?", fixtures.userId(admin))).isZero();
		// The intruder's own first enrolment is its own secret, which the owner does not see either.
		intruder.post("/account/second-factor/setup", Map.of());
		var intruderSecret = SecondFactorFixtures.secretOn(intruder.get("/account/second-factor/setup").body());
		assertThat(intruderSecret).isNotEqualTo(ownerSecret);
		assertThat(owner.get("/account/second-factor/setup").body()).contains(groups(ownerSecret))
			.doesNotContain(groups(intruderSecret));

		// Once the owner confirmed, the intruder's password-only session cannot bind its phone instead.
		var confirmed = owner.post("/account/second-factor/confirm",
				Map.of("code", SecondFactorFixtures.code(ownerSecret, SecondFactorFixtures.step(Instant.now()))));
		assertThat(WebSession.location(confirmed)).isEqualTo("/account/second-factor/recovery-codes");
		var replaced = intruder.post("/account/second-factor/confirm",
				Map.of("code", SecondFactorFixtures.code(intruderSecret, SecondFactorFixtures.step(Instant.now()))));
		assertThat(replaced.body()).contains("更换身份验证器前，请先用现有的身份验证器完成验证");
		var next = new WebSession(port);
		next.login(admin, SecondFactorFixtures.PASSWORD);
		assertThat(WebSession.location(next.post("/login/second-factor",
				Map.of("code", fixtures.freshCode(admin, ownerSecret))))).isEqualTo("/?continue");
	}

	@Test
	void anEnrolledAdminsAuthenticatorKeepsWorkingUntilTheNewOneIsConfirmed() {
		var admin = fixtures.user("mfa_newphone", "ADMIN", "513301");
		var session = signedIn(admin);
		var old = fixtures.enrol(session);
		session.post("/account/second-factor/setup", Map.of());
		var newSecret = SecondFactorFixtures.secretOn(session.get("/account/second-factor/setup").body());
		assertThat(newSecret).isNotEqualTo(old.secret());

		// Meanwhile the password alone still leads to the second step, which the old phone passes.
		var meanwhile = new WebSession(port);
		meanwhile.login(admin, SecondFactorFixtures.PASSWORD);
		assertThat(WebSession.location(meanwhile.get("/"))).isEqualTo("/login/second-factor");
		assertThat(WebSession.location(meanwhile.get("/account/second-factor/setup"))).isEqualTo("/account/second-factor");
		assertThat(WebSession.location(meanwhile.post("/login/second-factor",
				Map.of("code", fixtures.freshCode(admin, old.secret()))))).isEqualTo("/?continue");

		var confirmed = session.post("/account/second-factor/confirm", Map.of("code", fixtures.freshCode(admin, newSecret)));
		assertThat(WebSession.location(confirmed)).isEqualTo("/account/second-factor/recovery-codes");
		var after = new WebSession(port);
		after.login(admin, SecondFactorFixtures.PASSWORD);
		assertThat(WebSession.location(after.post("/login/second-factor",
				Map.of("code", fixtures.freshCode(admin, old.secret()))))).isEqualTo("/login/second-factor?error");
		assertThat(WebSession.location(after.post("/login/second-factor",
				Map.of("code", fixtures.freshCode(admin, newSecret))))).isEqualTo("/?continue");
	}

	@Test
	void aSessionGetsANewIdWhenItGainsTheSecondFactor() {
		var admin = fixtures.user("mfa_fixation", "ADMIN", "513301");
		var session = signedIn(admin);
		session.post("/account/second-factor/setup", Map.of());
		var secret = SecondFactorFixtures.secretOn(session.get("/account/second-factor/setup").body());
		var confirmed = session.post("/account/second-factor/confirm",
				Map.of("code", SecondFactorFixtures.code(secret, SecondFactorFixtures.step(Instant.now()))));
		assertThat(WebSession.location(confirmed)).isEqualTo("/account/second-factor/recovery-codes");
		assertThat(sessionCookies(confirmed)).as("a new session cookie on the confirmation").isNotEmpty();

		var next = new WebSession(port);
		next.login(admin, SecondFactorFixtures.PASSWORD);
		var passed = next.post("/login/second-factor", Map.of("code", fixtures.freshCode(admin, secret)));
		assertThat(WebSession.location(passed)).isEqualTo("/?continue");
		assertThat(sessionCookies(passed)).as("a new session cookie on the second step").isNotEmpty();
	}

	private static java.util.List<String> sessionCookies(java.net.http.HttpResponse<String> response) {
		return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION=")).toList();
	}

	private static String groups(String secret) {
		return String.join(" ", secret.split("(?<=\\G.{4})"));
	}

	@Test
	void aPasswordAloneCannotReplaceAnActiveAuthenticator() {
		var admin = fixtures.user("mfa_replace", "ADMIN", "513301");
		fixtures.enrol(signedIn(admin));
		var session = new WebSession(port);
		session.login(admin, SecondFactorFixtures.PASSWORD);
		var attempt = session.post("/account/second-factor/setup", Map.of());
		assertThat(WebSession.location(attempt)).isEqualTo("/account/second-factor");
		assertThat(session.get("/account/second-factor").body()).contains("更换身份验证器前，请先用现有的身份验证器完成验证");
		assertThat(fixtures.count("select count(*) from second_factor where user_id = ? and confirmed_at is not null",
				fixtures.userId(admin))).isEqualTo(1);
	}

	@Test
	void theDemoDatabaseSaysOnEveryPageThatAdminsHaveNoSecondFactor() {
		var staff = new WebSession(port);
		staff.login("kd_staff", DemoAccounts.PASSWORD);
		assertThat(staff.get("/").body()).contains("演示环境：管理员未启用双因素认证");
		assertThat(new WebSession(port).get("/login").body()).contains("演示环境：管理员未启用双因素认证");
		// Staff have nothing to enrol.
		assertThat(staff.get("/account/second-factor").statusCode()).isEqualTo(403);
	}

	private WebSession signedIn(String username) {
		var session = new WebSession(port);
		assertThat(WebSession.location(session.login(username, SecondFactorFixtures.PASSWORD))).isEqualTo("/");
		return session;
	}

	private static String match(Pattern pattern, String page) {
		var matcher = pattern.matcher(page);
		assertThat(matcher.find()).as(pattern.pattern()).isTrue();
		return matcher.group(1);
	}

	private static String decodeQr(byte[] png) throws IOException, NotFoundException {
		var image = ImageIO.read(new ByteArrayInputStream(png));
		assertThat(image).as("a PNG that ImageIO reads").isNotNull();
		var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
		return new MultiFormatReader().decode(bitmap).getText();
	}

}
