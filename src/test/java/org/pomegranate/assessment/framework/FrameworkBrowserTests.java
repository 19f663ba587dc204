package org.pomegranate.assessment.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pomegranate.assessment.framework.FrameworkFixtures.article;
import static org.pomegranate.assessment.framework.FrameworkFixtures.category;
import static org.pomegranate.assessment.framework.FrameworkFixtures.item;

import java.util.UUID;

import org.junit.jupiter.api.Test;
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
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The framework editor in a real browser: the admin of 甘孜州 opens a draft whose one item is
 * 10 points short, adds an article that is still 5 short and watches the problems panel say so,
 * corrects the article's points until the panel says it adds up, and publishes; the published
 * version offers no editing any more.
 */
@BrowserTest
class FrameworkBrowserTests {

	@Autowired
	FrameworkService frameworks;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	WebDriver browser;

	WebDriverWait wait;

	Site site;

	@Test
	void anAdminOfAPrefectureCompletesADraftOnScreenAndPublishesIt() {
		var id = draft();

		site.signIn("gz_admin");
		site.open("/frameworks/" + id);
		assertThat(problems()).isEqualTo("第1.1项各条合计90分，应为100分。");

		Browser.click(browser, browser.findElement(By.cssSelector("tr[data-code='1.1'] a.add-child")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("node-form")));
		assertThat(browser.findElement(By.id("parent-node")).getText()).contains("项 1.1");
		assertThat(browser.findElement(By.id("code")).getDomProperty("value")).isEqualTo("1.1.2");
		browser.findElement(By.id("title")).sendKeys("开展民族团结进步宣传月活动");
		browser.findElement(By.id("points")).sendKeys("5");
		browser.findElement(By.id("requirement")).sendKeys("每年开展宣传月活动不少于1次。");
		Browser.click(browser, browser.findElement(By.cssSelector("input[name=evidenceKinds][value=PHOTO]")));
		new Select(browser.findElement(By.id("scoringMethod"))).selectByVisibleText("是否");
		submit("save-node");
		assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).contains("已添加。");
		assertThat(problems()).isEqualTo("第1.1项各条合计95分，应为100分。");
		var added = browser.findElement(By.cssSelector("tr[data-code='1.1.2']"));
		assertThat(added.getText()).contains("开展民族团结进步宣传月活动", "5", "图片", "是否");

		Browser.click(browser, browser.findElement(By.cssSelector("tr[data-code='1.1.2'] a.edit-node")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("node-form")));
		var points = browser.findElement(By.id("points"));
		points.clear();
		points.sendKeys("10");
		submit("save-node");
		assertThat(browser.findElement(By.id("no-problems")).getText()).isEqualTo("各项分值合计正确，可以发布。");
		assertThat(browser.findElement(By.cssSelector("tr[data-code='1.1'] .node-sum")).getText()).isEqualTo("合计 100");
		site.screenshot("framework-draft-adds-up");

		// The confirmation of publishing is the browser's own dialog: answered yes.
		((JavascriptExecutor) browser).executeScript("window.confirm = () => true;");
		submit("publish");
		assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).contains("已发布");
		assertThat(browser.findElement(By.id("framework-state")).getText()).isEqualTo("已发布");
		assertThat(browser.findElements(By.cssSelector("a.edit-node"))).isEmpty();
		assertThat(browser.findElements(By.id("publish"))).isEmpty();
		assertThat(browser.findElements(By.id("next-version"))).hasSize(1);
		assertThat(jdbc.queryForObject("select state from indicator_framework where id = ?", String.class, id)).isEqualTo("PUBLISHED");
		assertThat(jdbc.queryForObject("select points from indicator_node where framework_id = ? and code = '1.1.2'", String.class,
				id)).isEqualTo("10.00");
	}

	/** A draft of 甘孜州: category 1 and item 1.1 of 100 points, and one article of 90. */
	private long draft() {
		FrameworkFixtures.signIn(users, "gz_admin");
		try {
			var id = frameworks.create(FrameworkFixtures.newFramework("浏览器测试指标" + UUID.randomUUID().toString().substring(0, 6)))
				.getId();
			frameworks.addNode(id, category("1", "100").at(version(id)));
			frameworks.addNode(id, item("1.1", "1", "100").at(version(id)));
			frameworks.addNode(id, article("1.1.1", "1.1", "90").at(version(id)));
			return id;
		}
		finally {
			FrameworkFixtures.signOut();
		}
	}

	private String problems() {
		return browser.findElement(By.id("problem-list")).getText();
	}

	private void submit(String button) {
		var element = browser.findElement(By.id(button));
		Browser.click(browser, element);
		wait.until(ExpectedConditions.stalenessOf(element));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("tree")));
	}

	private long version(long id) {
		return jdbc.queryForObject("select version from indicator_framework where id = ?", Long.class, id);
	}

}
