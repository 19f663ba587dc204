package org.pomegranate.petition;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One petition through the whole loop in a real browser, as three people: 炉城街道's staff
 * register it, 康定市's supervisor pushes it to a bureau, the bureau's handler accepts, works and
 * closes it; the citizen is not satisfied, so it reopens; closed again, rated and archived.
 */
@BrowserTest
class PetitionBrowserTests {

	@Autowired
	JdbcTemplate jdbc;

	WebDriver browser;

	WebDriverWait wait;

	Site site;

	@Test
	void onePetitionThroughTheWholeLoopWithOneReopening() {
		var village = PetitionFixtures.village(jdbc);

		// 群众点单: the township registers what a citizen asked for.
		site.signIn("lc_staff");
		site.open("/petitions/new");
		new Select(browser.findElement(By.id("source"))).selectByVisibleText("来访");
		browser.findElement(By.id("petitionerName")).sendKeys("央宗测试");
		browser.findElement(By.id("regionCode")).sendKeys(village);
		new Select(browser.findElement(By.id("categoryId"))).selectByVisibleText("住房");
		browser.findElement(By.id("title")).sendKeys("房屋漏雨，冬季前需要维修");
		browser.findElement(By.id("description")).sendKeys("老人独居，屋顶漏雨严重。");
		Browser.click(browser, browser.findElement(By.id("register")));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "诉求已登记"));
		var petitionUrl = browser.getCurrentUrl();
		var number = browser.findElement(By.id("petition-number")).getText();
		assertThat(number).matches("513301-\\d{4}-\\d{6}");
		assertThat(state()).contains("已登记");
		// Staff may push too, but may not accept: the page offers only what the loop allows.
		assertThat(browser.findElements(By.id("form-ACCEPT"))).isEmpty();

		// 推送: the county supervisor pushes it to a bureau and a handler.
		site.signIn("kd_supervisor");
		browser.get(petitionUrl);
		new Select(browser.findElement(By.id("department-PUSH"))).selectByVisibleText("康定市住房和城乡建设局");
		new Select(browser.findElement(By.id("handler-PUSH"))).selectByVisibleText("康定市填报员");
		browser.findElement(By.id("comment-PUSH")).sendKeys("请住建局尽快核实");
		step("PUSH", "已推送");
		assertThat(browser.findElement(By.id("handler")).getText()).isEqualTo("康定市填报员");

		// 干部接单: the handler accepts, notes progress and closes it.
		site.signIn("kd_staff");
		site.open("/petitions/mine");
		Browser.click(browser, browser.findElement(By.cssSelector("#mine-toAccept")).findElement(By.linkText(number)));
		step("ACCEPT", "已接单");
		browser.findElement(By.id("comment-PROGRESS")).sendKeys("已安排施工队现场查看");
		step("PROGRESS", "进展已记录");
		Browser.click(browser, browser.findElement(By.id("outcome-SOLVED")));
		browser.findElement(By.id("comment-CLOSE")).sendKeys("已更换屋面防水层");
		step("CLOSE", "已办结");
		// A handler does not record the verdict on their own work.
		assertThat(browser.findElements(By.id("form-RATE"))).isEmpty();

		// 群众评单: not satisfied, so it goes back to the handler.
		site.signIn("lc_staff");
		browser.get(petitionUrl);
		Browser.click(browser, browser.findElement(By.id("rating-DISSATISFIED")));
		browser.findElement(By.id("comment-RATE")).sendKeys("下雨后仍有渗水");
		step("RATE", "评价已记录");
		assertThat(state()).contains("办理中").contains("重办次数 1");

		site.signIn("kd_staff");
		browser.get(petitionUrl);
		Browser.click(browser, browser.findElement(By.id("outcome-SOLVED")));
		browser.findElement(By.id("comment-CLOSE")).sendKeys("已重新铺设并做闭水试验");
		step("CLOSE", "已办结");

		site.signIn("lc_staff");
		browser.get(petitionUrl);
		Browser.click(browser, browser.findElement(By.id("rating-SATISFIED")));
		step("RATE", "评价已记录");
		step("ARCHIVE", "已归档");
		assertThat(state()).contains("已归档").contains("已解决");
		assertThat(browser.findElements(By.cssSelector("#petition-timeline .timeline-item"))).hasSize(9);
		var timeline = browser.findElement(By.id("petition-timeline")).getText();
		assertThat(timeline).contains("康定市督导").contains("康定市住房和城乡建设局").contains("下雨后仍有渗水")
			.contains("不满意").contains("满意").contains("已重新铺设并做闭水试验");
		assertThat(browser.findElement(By.id("reopen-count")).getText()).isEqualTo("1");
		Browser.screenshot(browser, "petition-archived");

		assertThat(jdbc.queryForMap("select state, outcome, rating, reopen_count from petition where number = ?", number))
			.containsEntry("state", "ARCHIVED")
			.containsEntry("outcome", "SOLVED")
			.containsEntry("rating", "SATISFIED")
			.containsEntry("reopen_count", 1);

		// The figures page counts it, and its number leads back to the ledger.
		site.open("/petitions/figures");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("figures-total")));
		Browser.screenshot(browser, "petition-figures");
	}

	private void step(String action, String done) {
		Browser.click(browser, browser.findElement(By.id("submit-" + action)));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), done));
	}

	private String state() {
		return browser.findElement(By.id("petition-state")).getText() + " 重办次数 "
				+ browser.findElement(By.id("reopen-count")).getText();
	}

}
