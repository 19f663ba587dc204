package org.pomegranate.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pomegranate.Browser;
import org.pomegranate.BrowserTest;
import org.pomegranate.Site;
import org.pomegranate.shared.IdNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A 迁移申请 walked in a real browser: a household of 泸定县 registered again in 康定市 sends a
 * request that names no other region, the prefecture admin approves it, and the requester finds the
 * household and the decision.
 */
@BrowserTest
class TransferBrowserTests {

	@Autowired
	JdbcTemplate jdbc;

	WebDriver browser;

	WebDriverWait wait;

	Site site;

	@Test
	void aHouseholdRegisteredInAnotherCountyMovesOnlyWhenThePrefectureApproves() {
		var idNumber = IdNumber.withCheckCharacter("513322" + "19790315" + "468");
		var ludingVillage = village("513322");
		var kangdingVillage = village("513301103");

		site.signIn("ld_staff");
		register("桑吉迁移测试", idNumber, ludingVillage);
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "家庭已登记"));

		// 康定 staff type the same ID number: the answer says a request was sent, and nothing of where.
		site.signIn("kd_staff");
		register("桑吉", idNumber, kangdingVillage);
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "已提交迁移申请"));
		assertThat(browser.getCurrentUrl()).endsWith("/transfers/mine");
		assertThat(browser.findElement(By.id("content")).getText()).doesNotContain("泸定", "桑吉迁移测试");
		assertThat(myRequest().getText()).contains("桑吉", "已提交");
		Browser.screenshot(browser, "transfer-sent");

		// The lowest region covering both counties decides: 甘孜州.
		site.signIn("gz_admin");
		site.open("/transfers");
		var row = browser.findElement(By.xpath("//table[@id='transfers-open']//tr[td[2][text()='桑吉']]"));
		Browser.click(browser, row.findElement(By.tagName("a")));
		var details = browser.findElement(By.id("transfer-details")).getText();
		assertThat(details).contains("桑吉迁移测试", "泸定县", "康定市", "kd_staff")
			.contains("513322********" + idNumber.substring(14))
			.doesNotContain(idNumber);
		Browser.click(browser, browser.findElement(By.cssSelector("#approve-transfer button[type=submit]")));
		wait.until(ExpectedConditions.alertIsPresent()).accept();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "已批准迁移"));

		assertThat(jdbc.queryForObject("select region_code from household where id_last4 = ? and head_name = '桑吉迁移测试'",
				String.class, idNumber.substring(14))).isEqualTo(kangdingVillage);

		site.signIn("kd_staff");
		site.open("/transfers/mine");
		assertThat(myRequest().getText()).contains("桑吉", "已批准");
		site.open("/households?text=桑吉迁移测试");
		assertThat(browser.findElement(By.id("content")).getText()).contains("桑吉迁移测试");
	}

	private void register(String headName, String idNumber, String village) {
		site.open("/households/new");
		browser.findElement(By.id("headName")).sendKeys(headName);
		browser.findElement(By.id("idNumber")).sendKeys(idNumber);
		browser.findElement(By.id("regionCode")).sendKeys(village);
		Browser.click(browser, browser.findElement(By.cssSelector("input[value=LIFTED_FROM_POVERTY]")));
		Browser.click(browser, browser.findElement(By.cssSelector("#household-form button[type=submit]")));
	}

	private org.openqa.selenium.WebElement myRequest() {
		return browser.findElement(By.xpath("//table[@id='my-transfers']//tr[td[2][text()='桑吉']]"));
	}

	private String village(String under) {
		return jdbc.queryForObject("""
				select min(code) from region
				where code like ? || '%' and level = 'VILLAGE' and retired_at is null""", String.class, under);
	}

}
