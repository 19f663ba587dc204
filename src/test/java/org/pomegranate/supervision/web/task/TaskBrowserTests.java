package org.pomegranate.supervision.web.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pomegranate.Browser;
import org.pomegranate.BrowserTest;
import org.pomegranate.Site;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The walk of issue 13 in a real browser: 甘孜州's admin issues a monthly list to 康定市; 康定市's
 * staff finds it in the inbox, acknowledges it and reports with an attachment; the prefecture
 * returns it with a reason; the county reports again; the prefecture accepts it. At each step the
 * pages are read as a user reads them: the instance's state, the inbox groups' counts and the
 * list's recipients × states line.
 */
@BrowserTest
class TaskBrowserTests {

	private static final String TITLE = "浏览器测试：创建工作月报";

	WebDriver browser;

	WebDriverWait wait;

	Site site;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void clear() {
		var lists = "(select id from task_list where title = '" + TITLE + "')";
		jdbc.update("delete from stored_file where owner_kind = 'task-report' and owner_id in (select id from task_instance where list_id in "
				+ lists + ")");
		jdbc.update("delete from task_event where instance_id in (select id from task_instance where list_id in " + lists + ")");
		jdbc.update("delete from task_instance where list_id in " + lists);
		jdbc.update("delete from task_recipient where list_id in " + lists);
		jdbc.update("delete from task_list where title = '" + TITLE + "'");
	}

	private String text(String id) {
		return browser.findElement(By.id(id)).getText();
	}

	private String totalOf(String state) {
		return browser.findElement(By.cssSelector("#total-line td[data-state='" + state + "']")).getText();
	}

	private long inboxCount(String group) {
		site.open("/tasks/inbox");
		return Long.parseLong(browser.findElement(By.cssSelector("#group-" + group + " .count")).getText());
	}

	private void openInInbox(String group) {
		site.open("/tasks/inbox");
		Browser.click(browser, browser.findElement(By.id("group-" + group)).findElement(By.linkText(TITLE)));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("task-state")));
	}

	@Test
	void aPrefectureIssuesACountyReportsItIsReturnedReportedAgainAndAccepted() throws Exception {
		site.signIn("kd_staff");
		long toAcknowledgeBefore = inboxCount("toAcknowledge");
		long returnedBefore = inboxCount("returned");

		site.signIn("gz_admin");
		site.open("/tasks/lists/new");
		browser.findElement(By.id("title")).sendKeys(TITLE);
		browser.findElement(By.id("leadOffice")).sendKeys("州民宗委创建办");
		browser.findElement(By.id("description")).sendKeys("每月 25 日前报送本月创建工作情况。");
		Browser.click(browser, browser.findElement(By.id("r-R-513301")));
		Browser.click(browser, browser.findElement(By.id("issue")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("list-title")));
		assertThat(text("list-title")).isEqualTo(TITLE);
		var listUrl = browser.getCurrentUrl();
		assertThat(totalOf("PENDING")).as("this month's task, next month's not open yet").isEqualTo("1");
		assertThat(totalOf("ACCEPTED")).isEqualTo("0");

		site.signIn("kd_staff");
		assertThat(inboxCount("toAcknowledge")).isEqualTo(toAcknowledgeBefore + 1);
		openInInbox("toAcknowledge");
		var taskUrl = browser.getCurrentUrl();
		assertThat(text("task-state")).isEqualTo("待签收");
		assertThat(browser.findElements(By.id("report-form"))).as("report only after acknowledging").isEmpty();
		Browser.click(browser, browser.findElement(By.id("acknowledge")));
		wait.until(ExpectedConditions.textToBe(By.id("task-state"), "已签收"));
		assertThat(inboxCount("toAcknowledge")).isEqualTo(toAcknowledgeBefore);

		browser.get(taskUrl);
		browser.findElement(By.id("text")).sendKeys("本月开展宣讲 12 场，走访 86 户。");
		browser.findElement(By.id("figureLabel")).sendKeys("宣讲场次");
		browser.findElement(By.id("figureValue")).sendKeys("12");
		var attachment = Files.createTempFile("宣讲记录", ".pdf");
		Files.writeString(attachment, "%PDF-1.4\n% 宣讲记录\n%%EOF\n", StandardCharsets.UTF_8);
		browser.findElement(By.id("files")).sendKeys(attachment.toAbsolutePath().toString());
		Browser.click(browser, browser.findElement(By.id("report")));
		wait.until(ExpectedConditions.textToBe(By.id("task-state"), "已报送"));
		assertThat(browser.findElement(By.id("attachments")).findElements(By.tagName("a"))).hasSize(1);
		assertThat(browser.findElements(By.id("report-form"))).isEmpty();

		site.signIn("gz_admin");
		browser.get(listUrl);
		assertThat(totalOf("REPORTED")).isEqualTo("1");
		assertThat(totalOf("PENDING")).isEqualTo("0");
		browser.get(taskUrl);
		assertThat(text("report-text")).isEqualTo("本月开展宣讲 12 场，走访 86 户。");
		browser.findElement(By.id("return-reason")).sendKeys("请补充宣讲现场照片。");
		Browser.click(browser, browser.findElement(By.id("return")));
		wait.until(ExpectedConditions.textToBe(By.id("task-state"), "退回"));

		site.signIn("kd_staff");
		assertThat(inboxCount("returned")).isEqualTo(returnedBefore + 1);
		openInInbox("returned");
		assertThat(browser.findElement(By.id("timeline")).getText()).contains("请补充宣讲现场照片。");
		browser.findElement(By.id("text")).sendKeys("已补充宣讲现场照片。");
		Browser.click(browser, browser.findElement(By.id("report")));
		wait.until(ExpectedConditions.textToBe(By.id("task-state"), "已报送"));
		assertThat(inboxCount("returned")).isEqualTo(returnedBefore);

		site.signIn("gz_admin");
		browser.get(taskUrl);
		Browser.click(browser, browser.findElement(By.id("accept")));
		wait.until(ExpectedConditions.textToBe(By.id("task-state"), "已办结"));
		assertThat(browser.findElements(By.cssSelector("#timeline li"))).extracting(li -> li.getAttribute("data-action"))
			.containsExactly("ISSUE", "ACKNOWLEDGE", "REPORT", "RETURN", "REPORT", "ACCEPT");
		browser.get(listUrl);
		assertThat(totalOf("ACCEPTED")).isEqualTo("1");
		assertThat(totalOf("REPORTED")).isEqualTo("0");
		assertThat(browser.findElement(By.cssSelector("#total-line .rate")).getText()).isEqualTo("100.0%");
		assertThat(browser.findElement(By.cssSelector("#total-line .overdue")).getText()).isEqualTo("0");
		Files.deleteIfExists(attachment);
	}

}
