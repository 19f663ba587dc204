package org.pomegranate;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a random port with the test database and demo data, driven by one
 * headless Chromium per test class (see {@link BrowserExtension}). The test class declares fields
 * of type {@link org.openqa.selenium.WebDriver}, {@link org.openqa.selenium.support.ui.WebDriverWait}
 * or {@link Site} and finds them filled in; each test starts signed out.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(TestDatabaseConfiguration.class)
@ExtendWith(BrowserExtension.class)
public @interface BrowserTest {

	/** How long the {@link org.openqa.selenium.support.ui.WebDriverWait} waits for a page to show what is expected. */
	int waitSeconds() default 10;

}
