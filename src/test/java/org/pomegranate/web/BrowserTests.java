package org.pomegranate.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pomegranate.BrowserTest;
import org.pomegranate.Site;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The demo roles in a real headless Chromium (Debian's chromium and chromium-driver; nothing is
 * downloaded). Without a browser the test is skipped on a developer's machine and fails in CI.
 */
@BrowserTest
class BrowserTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	WebDriver browser;

	WebDriverWait wait;

	Site site;

	@ParameterizedTest(name = "{0} ({1})")
	@CsvSource({ "gz_admin, 管理员, Administrator, 甘孜藏族自治州", "gz_supervisor, 督导, Supervisor, 甘孜藏族自治州",
			"kd_staff, 填报员, Staff, 康定市", "lc_staff, 填报员, Staff, 炉城街道",
			"gz_reviewer, 第三方评估, Reviewer, 甘孜藏族自治州" })
	void eachDemoRoleSignsInReadsChineseSwitchesToEnglishAndSignsOut(String username, String chineseRole,
			String englishRole, String region) {
		site.open("/");
		wait.until(ExpectedConditions.urlContains("/login"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("登录石榴籽");

		site.signIn(username, Site.DEMO_PASSWORD);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("current-user")));
		assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("欢迎");
		assertThat(browser.findElement(By.id("current-role")).getText()).isEqualTo(chineseRole);
		assertThat(browser.findElement(By.id("current-user")).getText()).contains(region);
		var menu = browser.findElement(By.id("main-menu")).getText();
		assertThat(menu.contains("用户管理")).isEqualTo(username.endsWith("admin"));
		assertThat(menu.contains("行政区划")).isEqualTo(!username.equals("gz_reviewer"));
		site.screenshot(username + "-zh");

		browser.findElement(By.linkText("语言")).click();
		wait.until(ExpectedConditions.elementToBeClickable(By.id("lang-en"))).click();
		wait.until(ExpectedConditions.textToBe(By.id("current-role"), englishRole));
		assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Welcome");
		assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");

		browser.findElement(By.id("logout")).click();
		wait.until(ExpectedConditions.urlContains("/login?logout"));
		assertThat(browser.getPageSource()).contains("You have signed out.");
		site.open("/");
		wait.until(ExpectedConditions.urlContains("/login"));
	}

	@Test
	void fiveFailedLoginsLockTheAccount() {
		jdbc.update("""
				insert into user_account (username, display_name, password_hash, role, region_code)
				values ('browser_locked', '锁定测试', ?, 'STAFF', '513301')
				on conflict do nothing""", passwordEncoder.encode("Browser-Lock-2024"));
		for (int attempt = 1; attempt <= 4; attempt++) {
			site.open("/login");
			site.signIn("browser_locked", "not-the-password-" + attempt);
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-error")));
			assertThat(browser.findElement(By.id("login-error")).getText()).isEqualTo("用户名或密码错误。");
		}
		site.open("/login");
		site.signIn("browser_locked", "not-the-password-5");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-locked")));
		assertThat(browser.findElement(By.id("login-locked")).getText()).contains("已锁定 15 分钟");
		assertThat(browser.findElement(By.id("username")).getAttribute("value")).isEqualTo("browser_locked");

		site.open("/login");
		site.signIn("browser_locked", "Browser-Lock-2024");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-locked")));
		site.screenshot("locked");
	}

	/** A county admin's morning: a new township, a new colleague there, and the audit trail of both. */
	@Test
	void aCountyAdminAddsATownshipAndAUserThereInTheBrowser() {
		site.signIn("kd_admin");
		browser.findElement(By.linkText("行政区划")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("region-children")));
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains("康定市");
		browser.findElement(By.id("child-name")).sendKeys("浏览器测试镇");
		browser.findElement(By.cssSelector("#add-child button")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "区划已新增"));
		var row = browser.findElement(By.cssSelector("#region-children tr.table-success"));
		var townshipCode = row.findElement(By.tagName("td")).getText();
		assertThat(townshipCode).startsWith("513301").hasSize(9);
		site.screenshot("region-added");

		browser.findElement(By.linkText("用户管理")).click();
		browser.findElement(By.id("new-user")).click();
		browser.findElement(By.id("username")).clear();
		browser.findElement(By.id("username")).sendKeys("browser_new");
		browser.findElement(By.id("displayName")).sendKeys("新同事");
		browser.findElement(By.id("regionCode")).clear();
		browser.findElement(By.id("regionCode")).sendKeys("513322", Keys.ESCAPE);
		browser.findElement(By.id("password")).sendKeys("Zheduo-Snow-Tent-4298");
		browser.findElement(By.id("confirmPassword")).sendKeys("Zheduo-Snow-Tent-4298", Keys.ENTER);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".alert-danger")));
		assertThat(browser.findElement(By.cssSelector(".alert-danger")).getText()).isEqualTo("只能把用户设在本辖区内。");
		assertThat(browser.findElement(By.id("username")).getAttribute("value")).isEqualTo("browser_new");
		site.screenshot("user-refused");

		browser.findElement(By.id("regionCode")).clear();
		browser.findElement(By.id("regionCode")).sendKeys(townshipCode, Keys.ESCAPE);
		browser.findElement(By.id("password")).sendKeys("Zheduo-Snow-Tent-4298");
		browser.findElement(By.id("confirmPassword")).sendKeys("Zheduo-Snow-Tent-4298", Keys.ENTER);
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "用户已创建"));
		assertThat(browser.findElement(By.cssSelector("#user-form")).getText()).contains("浏览器测试镇");
		site.screenshot("user-created");

		browser.findElement(By.linkText("审计日志")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audit-events")));
		var audit = browser.findElement(By.id("audit-events")).getText();
		assertThat(audit).contains("新建").contains(townshipCode).contains("browser_new");
		site.screenshot("audit");
	}

	@Test
	void theLayoutFitsATablet() {
		browser.manage().window().setSize(new Dimension(820, 1180));
		site.signIn("gz_admin");
		site.open("/admin/users");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("users")));
		var scrollWidth = ((Number) ((JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth")).intValue();
		var clientWidth = ((Number) ((JavascriptExecutor) browser)
			.executeScript("return document.documentElement.clientWidth")).intValue();
		assertThat(scrollWidth).as("no horizontal scrolling of the page").isLessThanOrEqualTo(clientWidth);
		site.screenshot("tablet-users");
	}

}
