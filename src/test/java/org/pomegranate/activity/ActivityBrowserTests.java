package org.pomegranate.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
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
 * Issue 13's activity walk in a real browser, in a test prefecture of its own: county staff record a
 * publicity session with a photo (a count typed in words refused first, what was typed kept), find
 * it in the list, and register a petition raised there, whose page then names the session; the
 * prefecture's supervisor reads the figures page and follows a figure to the list, whose total and
 * rows are that figure. Every step is typed and clicked, every check reads what the user reads.
 */
@BrowserTest(waitSeconds = 20)
class ActivityBrowserTests {

	static final ActivityFixtures PLACES = new ActivityFixtures("5195");

	private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PasswordEncoder passwords;

	WebDriver browser;

	WebDriverWait wait;

	Site site;

	@Test
	void staffRecordASessionWithAPhotoAndRaiseAPetitionThereAndASupervisorFollowsAFigureToItsList() throws Exception {
		PLACES.create(jdbc);
		jdbc.update("update user_account set password_hash = ? where username in (?, ?)",
				passwords.encode(Site.DEMO_PASSWORD), PLACES.staff(), PLACES.supervisor());
		var today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		var title = "铸牢中华民族共同体意识宣讲" + System.nanoTime() % 100_000;

		site.signIn(PLACES.staff());
		menu("活动台账", "登记活动");
		new Select(browser.findElement(By.id("kind"))).selectByVisibleText("宣传宣讲");
		type(By.id("title"), title);
		type(By.id("regionCode"), PLACES.village());
		type(By.id("place"), "村委会活动室");
		type(By.id("participants"), "四十");
		var photo = photo();
		browser.findElement(By.id("photos")).sendKeys(photo.toString());
		submit("#activity-form");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#participants.is-invalid")));
		assertThat(text(By.cssSelector("#participants ~ .invalid-feedback"))).isNotBlank();
		assertThat(browser.findElement(By.id("title")).getAttribute("value")).as("what was typed stays").isEqualTo(title);
		assertThat(browser.findElement(By.id("participants")).getAttribute("value")).isEqualTo("四十");

		type(By.id("participants"), "45");
		type(By.id("cadreParticipants"), "5");
		type(By.id("publicParticipants"), "40");
		browser.findElement(By.id("photos")).sendKeys(photo.toString());
		submit("#activity-form");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "活动已登记。"));
		assertThat(text(By.tagName("h1"))).isEqualTo(title);
		assertThat(text(By.cssSelector("#activity .kind"))).isEqualTo("宣传宣讲");
		assertThat(text(By.cssSelector("#activity .date"))).isEqualTo(CHINESE_DATE.format(today));
		assertThat(text(By.cssSelector("#activity .participants"))).startsWith("45").contains("干部 5，群众 40，学生 0，其他 0");
		var image = browser.findElement(By.cssSelector("#photos img"));
		assertThat(image.getAttribute("alt")).isEqualTo(photo.getFileName().toString());
		wait.until(driver -> (Boolean) script("return arguments[0].complete && arguments[0].naturalWidth > 0", image));
		assertThat(((Number) script("return arguments[0].naturalWidth", image)).intValue()).as("the photo as uploaded")
			.isEqualTo(40);
		site.screenshot("walk-activity");

		menu("活动台账", "活动列表");
		var row = browser.findElement(By.xpath("//table[@id='activities']//a[text()='" + title + "']/ancestor::tr"));
		assertThat(cells(row)).containsExactly(CHINESE_DATE.format(today), title, "宣传宣讲", "活动测试村", "村委会活动室", "45");
		Browser.click(browser, row.findElement(By.linkText(title)));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), title));

		Browser.click(browser, browser.findElement(By.id("raise-petition")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("petition-form")));
		assertThat(text(By.id("raised-at"))).contains(title, "宣传宣讲");
		assertThat(new Select(browser.findElement(By.id("source"))).getFirstSelectedOption().getText()).isEqualTo("宣讲会");
		assertThat(browser.findElement(By.id("regionCode")).getAttribute("value")).as("the session's village")
			.isEqualTo(PLACES.village());
		type(By.id("petitionerName"), "宣讲会群众");
		new Select(browser.findElement(By.id("categoryId"))).selectByIndex(1);
		type(By.id("title"), "村道需要硬化");
		Browser.click(browser, browser.findElement(By.id("register")));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "诉求已登记。"));
		assertThat(text(By.id("activity-link"))).isEqualTo(title);
		site.screenshot("walk-activity-petition");
		Browser.click(browser, browser.findElement(By.id("activity-link")));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), title));

		site.signIn(PLACES.supervisor());
		menu("活动台账", "活动统计");
		assertThat(text(By.tagName("h1"))).contains("活动测试州5195", today.getYear() + "年");
		assertThat(browser.findElements(By.id("new-activity"))).isEmpty();
		var sessions = Long.parseLong(text(By.id("figure-publicity")));
		var participants = Long.parseLong(text(By.id("figure-participants")));
		assertThat(sessions).isEqualTo(1);
		assertThat(participants).isEqualTo(45);
		var county = browser.findElement(By.cssSelector("#by-region tr[data-region='" + PLACES.county() + "']"));
		assertThat(cells(county)).containsExactly("活动测试甲县", "1", "1", "45", "0");
		site.screenshot("walk-activity-figures");
		Browser.click(browser, browser.findElement(By.id("figure-publicity")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("activities")));
		assertThat(new Select(browser.findElement(By.id("kind"))).getFirstSelectedOption().getText()).isEqualTo("宣传宣讲");
		var rows = browser.findElements(By.cssSelector("#activities tbody tr[data-activity]"));
		assertThat((long) rows.size()).as("the rows of the list behind the figure").isEqualTo(sessions);
		assertThat(rows.stream().mapToLong(r -> Long.parseLong(r.findElement(By.cssSelector(".participants")).getText())).sum())
			.isEqualTo(participants);
		assertThat(text(By.cssSelector("#summary .sessions"))).isEqualTo(String.valueOf(sessions));
		assertThat(browser.findElements(By.id("new-activity"))).as("a supervisor reads only").isEmpty();
	}

	private void menu(String entry, String item) {
		var menu = browser.findElement(By.id("main-menu"));
		Browser.click(browser, menu.findElement(By.linkText(entry)));
		var page = browser.findElement(By.tagName("html"));
		wait.until(ExpectedConditions.elementToBeClickable(menu.findElement(By.linkText(item)))).click();
		wait.until(ExpectedConditions.stalenessOf(page));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("content")));
	}

	private void submit(String form) {
		var page = browser.findElement(By.tagName("html"));
		Browser.click(browser, browser.findElement(By.cssSelector(form + " button[type=submit]")));
		wait.until(ExpectedConditions.stalenessOf(page));
	}

	private void type(By field, String value) {
		var element = browser.findElement(field);
		element.clear();
		element.sendKeys(value);
	}

	private String text(By element) {
		return browser.findElement(element).getText();
	}

	private static List<String> cells(WebElement row) {
		return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
	}

	private Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) browser).executeScript(script, arguments);
	}

	/** A real PNG of 40 × 30 pixels, as a phone's photo of the session would be. */
	private static Path photo() throws Exception {
		var image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
		var graphics = image.createGraphics();
		graphics.setColor(new Color(0xb3263a));
		graphics.fillRect(0, 0, 40, 30);
		graphics.dispose();
		var file = Files.createTempDirectory("pomegranate-activity").resolve("session.png");
		ImageIO.write(image, "png", file.toFile());
		return file;
	}

}
