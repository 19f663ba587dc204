package org.pomegranate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium for browser tests: nothing is downloaded. Without it a test is
 * skipped on a developer's machine and fails in CI ({@code CI=true}). Tests get it through
 * {@link BrowserTest}.
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
