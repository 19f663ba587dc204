package org.pomegranate.account.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pomegranate.Browser;
import org.pomegranate.BrowserTest;
import org.pomegranate.Site;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * An admin enrols a TOTP authenticator in headless Chromium, reading the secret from the text
 * beside the QR code as a person without a camera would; the test computes the codes with the
 * TOTP library, as the phone would.
 */
@BrowserTest
class SecondFactorBrowserTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	WebDriver browser;

	WebDriverWait wait;

	Site site;

	@Test
	void anAdminEnrolsSignsOutAndSignsInWithPasswordAndComputedCodeToTheAdminPage() {
		var fixtures = new SecondFactorFixtures(jdbc, passwordEncoder);
		var admin = fixtures.user("mfa_browser", "ADMIN", "5133");
		site.open("/login");
		site.signIn(admin, SecondFactorFixtures.PASSWORD);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("current-user")));
		assertThat(browser.findElement(By.id("second-factor-demo-notice")).getText())
			.contains("演示环境：管理员未启用双因素认证");

		Browser.click(browser, browser.findElement(By.id("second-factor-link")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("second-factor-status")));
		assertThat(browser.findElement(By.id("second-factor-status")).getText()).isEqualTo("尚未绑定身份验证器。");
		Browser.click(browser, browser.findElement(By.id("second-factor-start")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("second-factor-qr")));
		var qr = browser.findElement(By.id("second-factor-qr"));
		assertThat(qr.getDomProperty("naturalWidth")).isEqualTo("240");
		var secret = browser.findElement(By.id("second-factor-secret")).getText().replace(" ", "");
		assertThat(qr.getDomAttribute("alt")).contains(browser.findElement(By.id("second-factor-secret")).getText());
		assertThat(secret).matches("[A-Z2-7]{32}");

		browser.findElement(By.id("code")).sendKeys(SecondFactorFixtures.code(secret, SecondFactorFixtures.step(Instant.now())));
		Browser.click(browser, browser.findElement(By.id("second-factor-confirm")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("recovery-codes")));
		assertThat(browser.findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
		site.screenshot("second-factor-recovery-codes");
		Browser.click(browser, browser.findElement(By.id("recovery-codes-done")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
		Browser.click(browser, browser.findElement(By.id("logout")));
		wait.until(ExpectedConditions.urlContains("/login?logout"));

		// The admin page asked for with the password alone leads to the second step, then to it.
		site.open("/admin/users");
		wait.until(ExpectedConditions.urlContains("/login"));
		site.signIn(admin, SecondFactorFixtures.PASSWORD);
		wait.until(ExpectedConditions.urlContains("/login/second-factor"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("双因素认证");
		site.screenshot("second-factor-step");
		browser.findElement(By.id("code")).sendKeys(fixtures.freshCode(admin, secret));
		Browser.click(browser, browser.findElement(By.id("second-factor-submit")));
		wait.until(ExpectedConditions.urlContains("/admin/users"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("用户管理");
		assertThat(browser.findElement(By.id("current-role")).getText()).isEqualTo("管理员");
	}

}
