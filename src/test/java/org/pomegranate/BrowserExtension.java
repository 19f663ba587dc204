package org.pomegranate;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.regex.Pattern;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ModifierSupport;
import org.junit.platform.commons.support.ReflectionSupport;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * One headless Chromium per test class of a {@link BrowserTest}: started before the first test,
 * quit when the class is done however it ended. Fills in the test's fields of type
 * {@link WebDriver}, {@link WebDriverWait} and {@link Site}, starts each test signed out in a
 * window of 1366 × 768, and keeps a picture of the page of a failed test as
 * {@code target/screenshots/<class>-<method>.png}.
 */
public final class BrowserExtension
		implements BeforeAllCallback, TestInstancePostProcessor, BeforeEachCallback, TestWatcher {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);

	private static final Dimension WINDOW = new Dimension(1366, 768);

	private static final Pattern INVOCATION = Pattern.compile("#(\\d+)]$");

	@Override
	public void beforeAll(ExtensionContext context) {
		var browser = new Session(Browser.start());
		// In the class's store first, so the browser is quit even if the application does not start.
		context.getStore(NAMESPACE).put(Session.class, browser);
		int seconds = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), BrowserTest.class)
			.map(BrowserTest::waitSeconds)
			.orElse(10);
		int port = SpringExtension.getApplicationContext(context)
			.getEnvironment()
			.getRequiredProperty("local.server.port", Integer.class);
		browser.connect(new WebDriverWait(browser.driver, Duration.ofSeconds(seconds)), port);
	}

	@Override
	public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws IllegalAccessException {
		var browser = session(context);
		for (Field field : ReflectionSupport.findFields(testInstance.getClass(), ModifierSupport::isNotStatic,
				HierarchyTraversalMode.TOP_DOWN)) {
			Object value = field.getType() == WebDriver.class ? browser.driver
					: field.getType() == WebDriverWait.class ? browser.wait
					: field.getType() == Site.class ? browser.site : null;
			if (value != null) {
				field.setAccessible(true);
				field.set(testInstance, value);
			}
		}
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		var browser = session(context);
		browser.site.signedOut();
		browser.driver.manage().window().setSize(WINDOW);
	}

	@Override
	public void testFailed(ExtensionContext context, Throwable cause) {
		var browser = context.getStore(NAMESPACE).get(Session.class, Session.class);
		if (browser == null) {
			return;
		}
		var name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
		var invocation = INVOCATION.matcher(context.getUniqueId());
		browser.site.screenshot(invocation.find() ? name + "-" + invocation.group(1) : name);
	}

	private static Session session(ExtensionContext context) {
		return context.getStore(NAMESPACE).get(Session.class, Session.class);
	}

	/** The class's browser; JUnit closes it with the class's store. */
	private static final class Session implements AutoCloseable {

		private final WebDriver driver;

		private WebDriverWait wait;

		private Site site;

		Session(WebDriver driver) {
			this.driver = driver;
		}

		void connect(WebDriverWait wait, int port) {
			this.wait = wait;
			this.site = new Site(driver, wait, port);
		}

		@Override
		public void close() {
			driver.quit();
		}

	}

}
