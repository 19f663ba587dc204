package org.pomegranate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium for browser tests: nothing is downloaded. Without it a test is
 * skipped on a developer's machine and fails in CI ({@code CI=true}).
 */
public final class Browser {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path SCREENSHOTS = Path.of("target/screenshots");

	private Browser() {
	}

	public static WebDriver start() {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if ("true".equals(System.getenv("CI"))) {
			assertThat(installed).as("CI needs Debian's chromium and chromium-driver").isTrue();
		}
		assumeTrue(installed, "chromium and chromium-driver are not installed");
		try {
			var options = new ChromeOptions();
			options.setBinary(CHROMIUM.toFile());
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
					"--disable-sync", "--lang=zh-CN", "--window-size=1366,768",
					"--user-data-dir=" + Files.createTempDirectory("pomegranate-chromium"));
			var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
			Files.createDirectories(SCREENSHOTS);
			return new ChromeDriver(service, options);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Scrolls the element to the middle of the window first, as a person would, then clicks it.
	 * Instantly: Bootstrap scrolls smoothly, and a click during the animation misses.
	 */
	public static void click(WebDriver browser, WebElement element) {
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
		element.click();
	}

	/** Signs in as a demo user (the demo password) from a fresh session and waits for the first page. */
	public static void signIn(WebDriver browser, WebDriverWait wait, String baseUrl, String username) {
		browser.manage().deleteAllCookies();
		browser.get(baseUrl + "/login");
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys("Shiliuzi-2024!");
		click(browser, browser.findElement(By.id("login-submit")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("current-user")));
	}

	/** Keeps a picture of the page under {@code target/screenshots}, for a person to look at. */
	public static void screenshot(WebDriver browser, String name) {
		try {
			Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
