package org.pomegranate.unit.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pomegranate.Browser;
import org.pomegranate.BrowserTest;
import org.pomegranate.Site;
import org.pomegranate.unit.certificate.CertificateFixtures.Holder;
import org.pomegranate.unit.naming.HolderKind;
import org.pomegranate.unit.naming.NamingLevel;
import org.pomegranate.unit.naming.NamingState;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A certificate in a real browser: staff of 黑水县 open it, the QR code as the page shows it is
 * read back (as a phone would), the address it holds opens without signing in and says 有效; once
 * the title is revoked, the same address says 已撤销.
 */
@BrowserTest
class CertificateBrowserTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	MessageSource messages;

	WebDriver browser;

	WebDriverWait wait;

	Site site;

	@Test
	void theQrCodeOnTheCertificateOpensTheVerificationPageWhichFollowsTheTitlesState() throws Exception {
		CertificateFixtures.enumLabels(messages);
		var fixtures = new CertificateFixtures(jdbc);
		var village = fixtures.township(CertificateFixtures.COUNTY)[1];
		var unit = fixtures.unit("授牌浏览器测试工作室", village);
		var title = fixtures.title(new Holder(HolderKind.UNIT, unit, village, "黑水县授牌浏览器测试石榴籽工作室"), "优秀石榴籽工作室",
				NamingLevel.PREFECTURE, CertificateFixtures.PREFECTURE, NamingState.VALID, LocalDate.of(2026, 3, 1),
				LocalDate.of(2031, 2, 28), "阿府发〔2026〕15号", null, null);
		var staff = fixtures.user("STAFF", CertificateFixtures.COUNTY);
		jdbc.update("update user_account set password_hash = ? where username = ?", passwords.encode(Site.DEMO_PASSWORD), staff);

		site.signIn(staff);
		site.open("/namings/" + title.id() + "/certificate");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("certificate-qr")));
		wait.until(driver -> (Boolean) ((JavascriptExecutor) driver)
			.executeScript("return document.getElementById('certificate-qr').complete"));
		assertThat(browser.findElement(By.id("certificate-title")).getText()).isEqualTo("优秀石榴籽工作室");
		site.screenshot("certificate");
		// The QR code as the screen shows it: cut out of a picture of the window, as a phone would see it.
		var element = browser.findElement(By.id("certificate-qr"));
		Browser.click(browser, element);
		var window = ImageIO.read(new ByteArrayInputStream(((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES)));
		var rect = element.getRect();
		var image = window.getSubimage(rect.getX(), rect.getY() - scrollY(), rect.getWidth(), rect.getHeight());
		var address = new QRCodeReader()
			.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
			.getText();
		assertThat(address).isEqualTo(site.url("/verify/" + title.verificationCode()));

		browser.manage().deleteAllCookies();
		browser.get(address);
		assertThat(browser.findElement(By.id("verify-state")).getText()).isEqualTo("有效");
		assertThat(browser.findElement(By.id("verify-holder")).getText()).isEqualTo("黑水县授牌浏览器测试石榴籽工作室");
		assertThat(browser.findElements(By.id("main-menu"))).isEmpty();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verify-holder")));
		site.screenshot("verification-valid");

		jdbc.update("""
				update naming set state = 'REVOKED', revoked_on = date '2026-11-20', revocation_number = '阿府发〔2026〕40号',
				                  revocation_reason = '回访抽查不合格' where id = ?""", title.id());
		browser.navigate().refresh();
		assertThat(browser.findElement(By.id("verify-state")).getText()).isEqualTo("已撤销");
		assertThat(browser.findElement(By.id("verify-revoked-on")).getText()).isEqualTo("已于2026年11月20日撤销命名");
		site.screenshot("verification-revoked");
	}

	private int scrollY() {
		return ((Number) ((JavascriptExecutor) browser).executeScript("return Math.round(window.scrollY)")).intValue();
	}

}
