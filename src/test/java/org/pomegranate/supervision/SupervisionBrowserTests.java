package org.pomegranate.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pomegranate.Browser;
import org.pomegranate.BrowserTest;
import org.pomegranate.Site;
import org.pomegranate.account.AccountService;
import org.pomegranate.account.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two walks in a real browser. An inspector of 甘孜州 sets up an inspection of 康定市 and records a
 * finding; the county's staff find it in their inbox and report the rectification; the inspector
 * verifies it. An admin drafts a criticism from the figures (the ranking's weakest on overdue
 * rectifications), cannot approve it herself, a second admin approves and publishes it, and the
 * three rectifications it orders appear in the three counties' inboxes.
 */
@BrowserTest
class SupervisionBrowserTests {

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcTemplate jdbc;

	WebDriver browser;

	WebDriverWait wait;

	Site site;

	@Test
	void anInspectorRecordsAFindingTheCountyRectifiesAndTheInspectorVerifies() {
		var unit = jdbc.queryForObject("""
				select name from campaign_unit where region_code like '513301%' and state = 'ACTIVE' order by id limit 1""",
				String.class);
		var article = jdbc.queryForObject("""
				select n.code || ' ' || n.title from indicator_node n join indicator_framework f on f.id = n.framework_id
				where f.state = 'PUBLISHED' and n.level = 'ARTICLE' order by n.id limit 1""", String.class);
		site.signIn("gz_supervisor");
		site.open("/inspections/new");
		new Select(browser.findElement(By.id("kind"))).selectByVisibleText("跟踪督查");
		browser.findElement(By.id("title")).sendKeys("康定市创建工作跟踪督查（浏览器）");
		tick(By.id("member-picker"), "州督导组");
		browser.findElement(By.id("outsideMembers")).sendKeys("李明");
		tick(By.id("region-picker"), "康定市");
		// The unit picker finds a unit of the county by its name.
		browser.findElement(By.id("unitName")).sendKeys(unit);
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("unit-options"), unit));
		tick(By.id("unit-options"), unit);
		Browser.click(browser, browser.findElement(By.cssSelector("#inspection-form button[type=submit]")));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "督查已创建"));
		assertThat(browser.findElement(By.id("targets")).getText()).contains("康定市").contains(unit);
		assertThat(browser.findElement(By.id("team")).getText()).contains("州督导组").contains("李明");

		browser.findElement(By.id("description")).sendKeys("部分单位未传达学习任务清单（浏览器）");
		new Select(browser.findElement(By.id("target"))).selectByVisibleText("康定市");
		new Select(browser.findElement(By.id("severity"))).selectByVisibleText("较重");
		new Select(browser.findElement(By.id("articleId"))).selectByVisibleText(article);
		Browser.click(browser, browser.findElement(By.cssSelector("#finding-form button[type=submit]")));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "问题已记录"));
		var findings = browser.findElement(By.id("findings")).getText();
		assertThat(findings).contains("部分单位未传达学习任务清单（浏览器）").contains("较重").contains("待整改");
		var articleLink = browser.findElement(By.id("findings")).findElement(By.cssSelector("a.finding-article"));
		assertThat(articleLink.getText()).isEqualTo(article);
		assertThat(articleLink.getAttribute("href")).matches(".*/frameworks/\\d+");

		site.signIn("kd_staff");
		site.open("/rectifications/inbox");
		Browser.click(browser, browser.findElement(By.id("inbox-toReport"))
			.findElement(By.xpath(".//tr[contains(., '部分单位未传达学习任务清单（浏览器）')]//a")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-form")));
		assertThat(browser.findElements(By.id("verify-form"))).as("staff do not verify").isEmpty();
		assertThat(browser.findElement(By.id("finding-article")).getText()).as("the finding's article, a link").isEqualTo(article);
		browser.findElement(By.id("measures")).sendKeys("已召开专题会议传达学习，建立台账。");
		Browser.click(browser, browser.findElement(By.cssSelector("#report-form button[type=submit]")));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "整改情况已报送"));
		var rectificationUrl = browser.getCurrentUrl();
		assertThat(browser.findElement(By.id("rectification-heading")).getText()).contains("已报送");

		site.signIn("gz_supervisor");
		browser.get(rectificationUrl);
		assertThat(browser.findElements(By.id("report-form"))).as("the inspector does not report").isEmpty();
		browser.findElement(By.id("comment")).sendKeys("经现场复核，整改到位。");
		Browser.click(browser, browser.findElement(By.id("pass")));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "已验收通过"));
		assertThat(browser.findElement(By.id("rectification-heading")).getText()).contains("已通过");
		assertThat(browser.findElement(By.id("timeline")).getText()).contains("报送整改情况").contains("验收通过");
	}

	@Test
	void aSecondAdminApprovesACriticismAndItsRectificationsReachTheCounties() {
		String[][] countyStaff = { { "db_staff", "513323" }, { "gzx_staff", "513328" }, { "sd_staff", "513333" } };
		for (var staff : countyStaff) {
			if (jdbc.queryForObject("select count(*) from user_account where username = ?", Long.class, staff[0]) == 0) {
				accounts.createInitial(staff[0], staff[0] + "填报员", Role.STAFF, staff[1], Site.DEMO_PASSWORD, false);
			}
		}
		site.signIn("gz_admin");
		site.open("/notices/new?kind=CRITICISM");
		new Select(browser.findElement(By.id("figure"))).selectByVisibleText("逾期整改");
		Browser.click(browser, browser.findElement(By.id("propose")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("proposal")));
		assertThat(browser.findElement(By.id("proposal")).getText()).contains("丹巴县").contains("甘孜县").contains("色达县");
		assertThat(browser.findElements(By.cssSelector("#region-picker input[name=targetRegions]:checked")))
			.as("the proposal ticks the weakest")
			.extracting(box -> box.getAttribute("value"))
			.containsExactlyInAnyOrder("513323", "513328", "513333");
		assertThat(browser.findElement(By.id("body")).getAttribute("value")).contains("逾期整改");
		browser.findElement(By.id("number")).sendKeys("甘民宗发〔2026〕88号");
		Browser.click(browser, browser.findElement(By.cssSelector("#notice-form button[type=submit]")));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "通报草稿已保存"));
		var noticeUrl = browser.getCurrentUrl();
		assertThat(browser.findElements(By.id("approve"))).as("the drafter does not approve her own draft").isEmpty();

		site.signIn("gz_admin2");
		browser.get(noticeUrl);
		Browser.click(browser, browser.findElement(By.id("approve")));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "已审核通过"));
		Browser.click(browser, browser.findElement(By.id("publish")));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "通报已印发"));
		assertThat(browser.findElement(By.id("notice-state")).getText()).isEqualTo("已印发");
		var ordered = browser.findElement(By.id("notice-rectifications")).getText();
		assertThat(ordered).contains("丹巴县").contains("甘孜县").contains("色达县");

		for (var staff : countyStaff) {
			site.signIn(staff[0]);
			site.open("/rectifications/inbox");
			assertThat(browser.findElement(By.id("inbox-toReport")).getText()).as(staff[0]).contains("甘民宗发〔2026〕88号");
		}
	}

	/** Ticks the box whose label reads {@code name} inside the element {@code within}. */
	private void tick(By within, String name) {
		var label = browser.findElement(within)
			.findElement(By.xpath(".//label[normalize-space(.) = '" + name + "' or span[1][normalize-space(.) = '" + name + "']]"));
		Browser.click(browser, browser.findElement(By.id(label.getAttribute("for"))));
	}

}
