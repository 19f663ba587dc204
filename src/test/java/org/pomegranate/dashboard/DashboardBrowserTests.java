package org.pomegranate.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.stream.Collectors;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
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
 * In a real browser: 甘孜州's supervisor sees the prefecture's figures with their charts, clicks
 * 康定市 in the ranking and sees the county's; 甘孜州's admin opens the report of 康定市 and
 * downloads both files, which open in Apache POI.
 */
@BrowserTest(waitSeconds = 15)
class DashboardBrowserTests {

	@Autowired
	JdbcTemplate jdbc;

	WebDriver browser;

	WebDriverWait wait;

	Site site;

	@Test
	void aSupervisorDrillsDownAndAnAdminExportsTheReport() throws Exception {
		var today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		// One petition this month in 泸定县, so the prefecture's count is surely above 康定市's.
		jdbc.update("""
				insert into petition (number, submission_token, source, petitioner_name, region_code, category_id, title,
				    urgency, received_on, state, accept_due_on, close_due_on, registered_by)
				values ('513322-1960-000001', gen_random_uuid(), 'WALK_IN', '浏览器测试', '513322100001',
				        (select min(id) from petition_category), '浏览器测试诉求', 'NORMAL', ?, 'REGISTERED', ?, ?, 'test')
				on conflict (number) do nothing""", today, today.plusDays(3), today.plusDays(15));
		var month = YearMonth.from(today);
		long prefecture = collected("5133", month);
		long county = collected("513301", month);
		assertThat(prefecture).isGreaterThan(county);

		site.signIn("gz_supervisor");
		site.open("/");
		assertThat(tile("petitions-collected")).isEqualTo(String.valueOf(prefecture));
		wait.until(ExpectedConditions.attributeToBe(By.id("chart-trend"), "data-loaded", "true"));
		wait.until(ExpectedConditions.attributeToBe(By.id("chart-regions"), "data-loaded", "true"));
		assertThat(browser.findElement(By.id("chart-trend")).findElements(By.tagName("canvas"))).isNotEmpty();
		Browser.screenshot(browser, "dashboard-prefecture");
		// The ranking table reads as the figures: each county's petitions collected this month, in its cell.
		var headers = browser.findElements(By.cssSelector("#ranking thead th")).stream().map(WebElement::getText).toList();
		int collectedColumn = headers.indexOf(COLLECTED);
		assertThat(collectedColumn).as("column %s in %s", COLLECTED, headers).isPositive();
		var rows = browser.findElements(By.cssSelector("#ranking tbody tr"));
		assertThat(rows).hasSize(18);
		for (var row : rows) {
			var code = row.getAttribute("id").substring("ranking-".length());
			var cells = row.findElements(By.tagName("td"));
			assertThat(cells.get(collectedColumn).getText()).as(code).isEqualTo(String.valueOf(collected(code, month)));
		}

		Browser.click(browser, browser.findElement(By.id("ranking-513301")).findElement(By.linkText("康定市")));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dashboard-title"), "康定市"));
		assertThat(tile("petitions-collected")).isEqualTo(String.valueOf(county));
		assertThat(browser.findElement(By.id("dashboard-path")).getText()).contains("甘孜藏族自治州").contains("康定市");
		Browser.screenshot(browser, "dashboard-county");
		// Back up by the breadcrumb.
		Browser.click(browser, browser.findElement(By.id("dashboard-path")).findElement(By.linkText("甘孜藏族自治州")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ranking-513301")));
		assertThat(tile("petitions-collected")).isEqualTo(String.valueOf(prefecture));

		site.signIn("gz_admin");
		site.open("/reports");
		new Select(browser.findElement(By.id("report-region"))).selectByValue("513301");
		var lastMonth = month.minusMonths(1);
		new Select(browser.findElement(By.id("report-year"))).selectByValue(String.valueOf(lastMonth.getYear()));
		new Select(browser.findElement(By.id("report-part"))).selectByValue(String.valueOf(lastMonth.getMonthValue()));
		Browser.click(browser, browser.findElement(By.id("report-open-button")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-title")));
		assertThat(browser.findElement(By.id("report-title")).getText())
			.isEqualTo("康定市" + lastMonth.getYear() + "年" + lastMonth.getMonthValue() + "月民族团结进步创建工作情况汇报");
		browser.findElement(By.id("problems")).sendKeys("一是部分乡镇走访不及时。");
		Browser.click(browser, browser.findElement(By.id("save-narrative")));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "已保存"));

		var xlsx = download(browser.findElement(By.id("download-xlsx")).getAttribute("href"));
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(workbook.getSheetName(0)).isEqualTo("汇总");
			assertThat(workbook.getSheet("诉求台账").getLastRowNum() - 1).isEqualTo((int) collected("513301", lastMonth));
		}
		var docx = download(browser.findElement(By.id("download-docx")).getAttribute("href"));
		try (var document = new XWPFDocument(new ByteArrayInputStream(docx))) {
			var text = document.getParagraphs().stream().map(p -> p.getText()).collect(Collectors.joining("\n"));
			assertThat(text).contains("康定市收集困难诉求" + collected("513301", lastMonth) + "件").contains("一是部分乡镇走访不及时。");
		}
	}

	private static final String COLLECTED = "收集诉求";

	private long collected(String region, YearMonth month) {
		return jdbc.queryForObject("select count(*) from petition where region_code like ? and received_on between ? and ?",
				Long.class, region + "%", month.atDay(1), month.atEndOfMonth());
	}

	private String tile(String name) {
		return browser.findElement(By.id("tile-" + name)).findElement(By.className("tile-value")).getText();
	}

	/** Fetches a download link with the browser's session, as clicking it would. */
	private byte[] download(String href) throws Exception {
		var cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
			.collect(Collectors.joining("; "));
		var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href)).header("Cookie", cookies).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
		return response.body();
	}

}
