package org.pomegranate.unit.naming;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pomegranate.Browser;
import org.pomegranate.BrowserTest;
import org.pomegranate.Site;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * An application with its files in a real browser: staff of 马尔康市 file a 州级 application for a
 * township of their own, upload the application's report as a PDF and are refused a file that only
 * says it is one; the page lists the report with its uploader, and its link gives back the bytes.
 */
@BrowserTest
class NamingMaterialsBrowserTests {

	private static final String PDF = "%PDF-1.4\n%申报材料\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PasswordEncoder passwords;

	@TempDir
	Path folder;

	WebDriver browser;

	WebDriverWait wait;

	Site site;

	@Test
	void staffFileAnApplicationAndUploadItsReport() throws Exception {
		var township = NamingFixtures.freshTownship(jdbc, "513201");
		var staff = "nm_browser_" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.update("""
				insert into user_account (username, display_name, password_hash, role, region_code)
				values (?, '材料测试', ?, 'STAFF', '513201')""", staff, passwords.encode(Site.DEMO_PASSWORD));
		var title = NamingFixtures.title();
		var report = Files.writeString(folder.resolve("创建工作报告.pdf"), PDF, StandardCharsets.UTF_8);
		var fake = Files.writeString(folder.resolve("台账.pdf"), "不是PDF", StandardCharsets.UTF_8);

		site.signIn(staff);
		site.open("/namings/new?holder=R:" + township);
		browser.findElement(By.id("title")).sendKeys(title);
		new Select(browser.findElement(By.id("level"))).selectByVisibleText("州级");
		Browser.click(browser, browser.findElement(By.cssSelector("#application-form button[type=submit]")));
		wait.until(driver -> !driver.findElements(By.id("materials-form")).isEmpty());
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains(title).contains("申报中");
		assertThat(browser.findElement(By.id("materials")).getText()).contains("尚未上传申报材料附件");

		upload(fake);
		assertThat(browser.findElement(By.cssSelector(".alert-danger")).getText())
			.contains("材料须为 PDF、Word（.docx）、Excel（.xlsx）、JPEG 或 PNG 文件。");
		assertThat(browser.findElements(By.cssSelector("#material-files tbody tr"))).isEmpty();

		upload(report);
		assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).contains("申报材料已上传。");
		var rows = browser.findElements(By.cssSelector("#material-files tbody tr"));
		assertThat(rows).hasSize(1);
		var cells = rows.get(0).findElements(By.tagName("td"));
		assertThat(cells.get(0).getText()).isEqualTo("创建工作报告.pdf");
		assertThat(cells.get(1).getText()).isEqualTo(staff);
		var link = cells.get(0).findElement(By.tagName("a")).getDomAttribute("href");
		assertThat(link).matches("/files/\\d+");
		var downloaded = ((JavascriptExecutor) browser).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0]).then(r => r.text()).then(done);""", link);
		assertThat(downloaded).isEqualTo(PDF);
		site.screenshot("naming-materials");
	}

	private void upload(Path file) {
		browser.findElement(By.cssSelector("#materials-form input[type=file]")).sendKeys(file.toAbsolutePath().toString());
		var button = browser.findElement(By.cssSelector("#materials-form button[type=submit]"));
		Browser.click(browser, button);
		wait.until(ExpectedConditions.stalenessOf(button));
		wait.until(driver -> !driver.findElements(By.cssSelector(".alert")).isEmpty());
	}

}
