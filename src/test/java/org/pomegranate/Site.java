package org.pomegranate;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The application as a browser test reaches it: its addresses on the random port, and signing in
 * as a person would, through the login page.
 */
public final class Site {

	/** The password of every demo user. */
	public static final String DEMO_PASSWORD = "Shiliuzi-2024!";

	private final WebDriver browser;

	private final WebDriverWait wait;

	private final String baseUrl;

	Site(WebDriver browser, WebDriverWait wait, int port) {
		this.browser = browser;
		this.wait = wait;
		this.baseUrl = "http://localhost:" + port;
	}

	public String url(String path) {
		return baseUrl + path;
	}

	public void open(String path) {
		browser.get(url(path));
	}

	/** Signs in as a demo user (the demo password) from a fresh session and waits for the first page. */
	public void signIn(String username) {
		browser.manage().deleteAllCookies();
		open("/login");
		signIn(username, DEMO_PASSWORD);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("current-user")));
	}

	/**
	 * Types {@code username} and {@code password} into the login page (opened first unless it is
	 * shown) and submits it; what follows, the first page, an error or the lock, is the test's to
	 * wait for.
	 */
	public void signIn(String username, String password) {
		if (browser.findElements(By.id("login-submit")).isEmpty()) {
			open("/login");
		}
		var field = browser.findElement(By.id("username"));
		field.clear();
		field.sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(password);
		Browser.click(browser, browser.findElement(By.id("login-submit")));
	}

	/** A session with no one signed in: the cookies of the site are gone. */
	void signedOut() {
		open("/login");
		browser.manage().deleteAllCookies();
	}

	/** Keeps a picture of the page under {@code target/screenshots}, for a person to look at. */
	public void screenshot(String name) {
		Browser.screenshot(browser, name);
	}

}
