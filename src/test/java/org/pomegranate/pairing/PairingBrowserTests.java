package org.pomegranate.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pomegranate.Browser;
import org.pomegranate.BrowserTest;
import org.pomegranate.Site;
import org.pomegranate.shared.IdNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A township worker's morning in a real browser: register a household, pair it, record a visit
 * with a photo, and watch the coverage figures move.
 */
@BrowserTest
class PairingBrowserTests {

	@Autowired
	JdbcTemplate jdbc;

	WebDriver browser;

	WebDriverWait wait;

	Site site;

	@Test
	void registerPairVisitAndSeeTheCoverageChange(@TempDir Path temp) throws IOException {
		long program = jdbc.queryForObject("select id from pairing_program where name = '康定市民族团结进家庭 2024'", Long.class);
		var village = jdbc.queryForObject(
				"select min(code) from region where parent_code = '513301103' and retired_at is null", String.class);
		var idNumber = IdNumber.withCheckCharacter("513301" + "19800229" + "777");

		site.signIn("kd_staff");

		var before = coverage(program);

		// A wrong check digit is refused in Chinese, and what was typed stays.
		site.open("/households/new");
		browser.findElement(By.id("headName")).sendKeys("泽仁测试");
		var wrong = idNumber.substring(0, 17) + (idNumber.charAt(17) == '1' ? '2' : '1');
		browser.findElement(By.id("idNumber")).sendKeys(wrong);
		browser.findElement(By.id("regionCode")).sendKeys(village);
		browser.findElement(By.id("memberCount")).clear();
		browser.findElement(By.id("memberCount")).sendKeys("4");
		Browser.click(browser, browser.findElement(By.cssSelector("input[value=LIFTED_FROM_POVERTY]")));
		Browser.click(browser, browser.findElement(By.cssSelector("#household-form button[type=submit]")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".invalid-feedback")));
		assertThat(browser.findElement(By.cssSelector("#idNumber + .invalid-feedback, #idNumber ~ .invalid-feedback")).getText())
			.isEqualTo("身份证号校验位不正确，请核对。");
		assertThat(browser.findElement(By.id("headName")).getAttribute("value")).isEqualTo("泽仁测试");
		Browser.screenshot(browser, "household-invalid");

		browser.findElement(By.id("idNumber")).clear();
		browser.findElement(By.id("idNumber")).sendKeys(idNumber, Keys.ENTER);
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "家庭已登记"));
		assertThat(browser.findElement(By.id("id-number")).getText()).isEqualTo("513301********" + idNumber.substring(14));
		assertThat(browser.getPageSource()).doesNotContain(idNumber);

		var registered = coverage(program);
		assertThat(registered.target()).isEqualTo(before.target() + 1);
		assertThat(registered.unpaired()).isEqualTo(before.unpaired() + 1);
		// The unpaired figure leads to the list that a township worker opens each morning, with it.
		Browser.click(browser, browser.findElement(By.cssSelector("#coverage-total a[href*='status=UNPAIRED']")));
		wait.until(ExpectedConditions.urlContains("/households"));
		assertThat(browser.getPageSource()).contains("泽仁测试");

		// Pair it with a cadre of the program.
		browser.navigate().back();
		site.open("/households?text=" + idNumber.substring(14));
		Browser.click(browser, browser.findElement(By.linkText("泽仁测试")));
		Browser.click(browser, browser.findElement(By.id("pair")));
		new Select(browser.findElement(By.id("program-choice"))).selectByVisibleText("康定市民族团结进家庭 2024");
		Browser.click(browser, browser.findElement(By.cssSelector("form[action$='/pairings/new'] button")));
		new Select(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("cadre")))).selectByIndex(1);
		Browser.click(browser, browser.findElement(By.cssSelector("#pairing-form button[type=submit]")));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "结对成功"));

		var paired = coverage(program);
		assertThat(paired.paired()).isEqualTo(registered.paired() + 1);
		assertThat(paired.unpaired()).isEqualTo(before.unpaired());
		Browser.screenshot(browser, "coverage");

		// A photo over the server's limit: the Chinese error page, and no visit.
		browser.navigate().back();
		site.open("/households?text=" + idNumber.substring(14));
		Browser.click(browser, browser.findElement(By.linkText("泽仁测试")));
		Browser.click(browser, browser.findElement(By.linkText("记录走访")));
		var tooBig = temp.resolve("太大.jpg");
		var bytes = new byte[11 * 1024 * 1024];
		bytes[0] = (byte) 0xFF;
		bytes[1] = (byte) 0xD8;
		Files.write(tooBig, bytes);
		browser.findElement(By.id("photos")).sendKeys(tooBig.toAbsolutePath().toString());
		Browser.click(browser, browser.findElement(By.cssSelector("#visit-form button[type=submit]")));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("error-title"), "上传内容太大"));
		assertThat(jdbc.queryForObject("select count(*) from visit v join household h on h.id = v.household_id "
				+ "where h.id_number = ?", Long.class, idNumber)).isZero();

		// Record a visit with a photo.
		site.open("/households?text=" + idNumber.substring(14));
		Browser.click(browser, browser.findElement(By.linkText("泽仁测试")));
		Browser.click(browser, browser.findElement(By.linkText("记录走访")));
		var photo = temp.resolve("走访.png");
		var image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
		ImageIO.write(image, "png", photo.toFile());
		browser.findElement(By.id("findings")).sendKeys("冬季取暖需要帮助");
		browser.findElement(By.id("actionsTaken")).sendKeys("送去棉被两床");
		browser.findElement(By.id("photos")).sendKeys(photo.toAbsolutePath().toString());
		Browser.click(browser, browser.findElement(By.cssSelector("#visit-form button[type=submit]")));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "走访已记录"));
		var timeline = browser.findElement(By.id("visit-timeline")).getText();
		assertThat(timeline).contains("冬季取暖需要帮助").contains("送去棉被两床").contains("入户走访");
		assertThat(browser.findElements(By.cssSelector("#visit-timeline img.visit-photo"))).hasSize(1);
		var today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		assertThat(jdbc.queryForObject("select last_visit_on from pairing p join household h on h.id = p.household_id "
				+ "where h.id_number = ? and p.ended_on is null", LocalDate.class, idNumber)).isEqualTo(today);

		// The full ID number only after an explicit, audited request.
		Browser.click(browser, browser.findElement(By.id("reveal")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("personal-revealed")));
		assertThat(browser.findElement(By.id("personal-revealed")).getText()).contains(idNumber);
		assertThat(jdbc.queryForObject("select count(*) from audit_event where username = 'kd_staff' and action = 'VIEW_PERSONAL_DATA'",
				Long.class)).isPositive();
		Browser.screenshot(browser, "household");

		// 换人: another cadre takes over; the first pairing stays in the history with its reason.
		Browser.click(browser, browser.findElement(By.cssSelector("#household-pairings button[data-bs-toggle=collapse]")));
		var select = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("select[name=cadre]")));
		new Select(select).selectByIndex(1);
		browser.findElement(By.cssSelector("form[action*='/reassign'] input[name=reason]")).sendKeys("原干部调离");
		Browser.click(browser, browser.findElement(By.cssSelector("form[action*='/reassign'] button[type=submit]")));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "已换人"));
		var rows = browser.findElements(By.cssSelector("#household-pairings tbody tr:not(.collapse)"));
		assertThat(rows).hasSize(2);
		assertThat(rows.get(1).getText()).contains("原干部调离");
		assertThat(coverage(program).paired()).isEqualTo(paired.paired());
	}

	private PetitionCounts coverage(long program) {
		site.open("/coverage?program=" + program + "&region=513301103");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("coverage-total")));
		var cells = browser.findElement(By.id("coverage-total")).findElements(By.tagName("td"));
		return new PetitionCounts(Long.parseLong(cells.get(1).getText()), Long.parseLong(cells.get(2).getText()),
				Long.parseLong(cells.get(3).getText()));
	}

	private record PetitionCounts(long target, long paired, long unpaired) {
	}

}
