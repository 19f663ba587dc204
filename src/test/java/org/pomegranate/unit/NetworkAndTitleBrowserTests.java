package org.pomegranate.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pomegranate.Browser;
import org.pomegranate.BrowserTest;
import org.pomegranate.Site;
import org.pomegranate.TestRegions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Issue 11's walk in a real browser, in a township of 理县 (513222) made for it: a county admin
 * registers a 工作中心 and a 工作室 under it, gives them members from the people registry and
 * uploads the studio's 规程上墙 photo; a prefecture admin of 阿坝州 names the studio in a batch
 * chosen on screen; the certificate's QR code, read back off the screen, opens the public
 * verification page (有效); a supervisor of 阿坝州 revokes the title through a re-check, and the same
 * page then says 已撤销. Every step is typed and clicked, and every check reads what the user reads.
 * And the menu bar of such an admin, the longest there is, fits a narrow window.
 */
@BrowserTest(waitSeconds = 20)
class NetworkAndTitleBrowserTests {

	static final String COUNTY = "513222";

	static final String PREFECTURE = "5132";

	private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private static final String DIGITS = "〇一二三四五六七八九";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PasswordEncoder passwords;

	WebDriver browser;

	WebDriverWait wait;

	Site site;

	@Test
	void aStudioWithItsMembersAndWallPhotoIsNamedInABatchVerifiedByItsQrCodeAndRevokedByASupervisor() throws Exception {
		var walk = new Walk();

		var studio = registerTheNetwork(walk);
		var title = nameTheStudioInABatch(walk, studio);
		var address = readTheCertificatesQrCode(walk, title);
		revokeThroughARecheck(walk, title);

		browser.manage().deleteAllCookies();
		browser.get(address);
		assertThat(text(By.id("verify-state"))).isEqualTo("已撤销");
		assertThat(text(By.id("verify-revoked-on"))).isEqualTo("已于" + date(walk.today) + "撤销命名");
		assertThat(text(By.id("verify-holder"))).isEqualTo(walk.studioName);
		site.screenshot("walk-verification-revoked");
	}

	/**
	 * The menu bar of a prefecture admin (the longest menu, the longest region name) in the
	 * narrowest windows that show it whole, in both languages: nothing runs off the window and no
	 * label breaks over two lines.
	 */
	@Test
	void theMenuBarFitsANarrowWindowInBothLanguages() {
		site.signIn(user("ADMIN", PREFECTURE));
		for (var language : List.of("zh-CN", "en")) {
			for (int width : List.of(992, 1100, 1200)) {
				browser.manage().window().setSize(new Dimension(width, 768));
				site.open("/namings?lang=" + language);
				wait.until(ExpectedConditions.presenceOfElementLocated(By.id("namings")));
				var where = language + " at " + width + " pixels";
				var page = (Number) script("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
				assertThat(page.intValue()).as("no horizontal scrolling, " + where).isLessThanOrEqualTo(0);
				@SuppressWarnings("unchecked")
				var broken = (List<String>) script("""
						var broken = [];
						document.querySelectorAll('.app-navbar .nav-link, .app-navbar #logout').forEach(function (link) {
						  var range = document.createRange();
						  range.selectNodeContents(link);
						  var lines = new Set(Array.from(range.getClientRects()).map(function (r) { return Math.round(r.top); }));
						  var box = link.getBoundingClientRect();
						  if (lines.size > 1 || box.right > window.innerWidth) broken.push(link.textContent.trim());
						});
						return broken;""");
				assertThat(broken).as("labels broken or outside the window, " + where).isEmpty();
				site.screenshot("walk-menu-" + language + "-" + width);
			}
		}
	}

	/** Step 1: the county admin's 工作中心 and 工作室, their members, the photo; the unit page and the tree say so. */
	private long registerTheNetwork(Walk walk) throws Exception {
		site.signIn(walk.countyAdmin);
		long centre = register(walk.centreName, "石榴籽工作中心", walk.township, null);
		assertThat(text(By.id("parent"))).isEqualTo("无");
		long studio = register(walk.studioName, "石榴籽工作室", walk.village,
				walk.centreName + "（石榴籽工作中心，" + walk.townshipName + "）");
		assertThat(browser.findElement(By.cssSelector("#parent a")).getText()).isEqualTo(walk.centreName);

		addMember(walk, walk.head, "负责人");
		addMember(walk, walk.yuziyuan, "育籽员");
		assertThat(rows(By.id("current-members"))).as("the head first, then the others")
			.containsExactly(List.of(walk.head, "负责人", date(walk.today), "138****5678", "离开"),
					List.of(walk.yuziyuan, "育籽员", date(walk.today), "138****5678", "离开"));

		Browser.click(browser, browser.findElement(By.cssSelector("#parent a")));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), walk.centreName));
		addMember(walk, walk.centreYuziyuan, "育籽员");
		assertThat(browser.findElement(By.id("children")).getText()).isEqualTo(walk.studioName + " 石榴籽工作室");
		Browser.click(browser, browser.findElement(By.linkText(walk.studioName)));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), walk.studioName));

		assertThat(text(By.id("wall-posted"))).isEqualTo("未上墙");
		var photo = wallPhoto();
		browser.findElement(By.cssSelector("#wall-form input[type=file]")).sendKeys(photo.toString());
		Browser.click(browser, browser.findElement(By.cssSelector("#wall-form button[type=submit]")));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "上墙照片已上传。"));
		assertThat(text(By.id("wall-posted"))).isEqualTo(date(walk.today));
		var image = browser.findElement(By.cssSelector("#wall-photos img"));
		assertThat(image.getAttribute("alt")).isEqualTo(photo.getFileName().toString());
		Browser.click(browser, image);
		wait.until(driver -> (Boolean) script("return arguments[0].complete && arguments[0].naturalWidth > 0", image));
		assertThat(((Number) script("return arguments[0].naturalWidth", image)).intValue()).as("the photo as uploaded")
			.isEqualTo(48);
		assertThat(rows(By.id("current-members"))).extracting(row -> row.get(0) + " " + row.get(1))
			.containsExactly(walk.head + " 负责人", walk.yuziyuan + " 育籽员");
		var history = browser.findElement(By.id("history")).getText();
		assertThat(history).contains("上墙照片 1 张，规程上墙")
			.contains("成员加入 " + walk.head + " 负责人")
			.contains("成员加入 " + walk.yuziyuan + " 育籽员")
			.contains("登记 " + walk.studioName + "（石榴籽工作室，")
			.doesNotContainPattern("[A-Z]{3,}");
		site.screenshot("walk-studio");

		menu("创建单位", "石榴籽网络");
		new Select(browser.findElement(By.id("region"))).selectByVisibleText(walk.townshipName);
		Browser.click(browser, browser.findElement(By.cssSelector("#township-choice button[type=submit]")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("network-tree")));
		assertThat(text(By.tagName("h1"))).isEqualTo("石榴籽网络：" + walk.townshipName);
		assertThat(List.of(text(By.id("total-centres")), text(By.id("total-studios")), text(By.id("total-teams")),
				text(By.id("total-members")), text(By.id("total-yuziyuan"))))
			.as("centres, studios, teams, members, 育籽员")
			.containsExactly("1", "1", "0", "3", "2");
		var centreNode = browser.findElement(By.cssSelector("#network-tree > li[data-unit='" + centre + "']"));
		assertThat(centreNode.findElement(By.tagName("a")).getText()).isEqualTo(walk.centreName);
		assertThat(centreNode.findElement(By.cssSelector(":scope > .counts")).getText()).isEqualTo("成员 1 · 育籽员 1");
		var studioNode = centreNode.findElement(By.cssSelector("li[data-unit='" + studio + "']"));
		assertThat(studioNode.getText()).startsWith("› " + walk.studioName + " 石榴籽工作室");
		assertThat(studioNode.findElement(By.cssSelector(".counts")).getText()).isEqualTo("成员 2 · 育籽员 1");
		site.screenshot("walk-network");
		return studio;
	}

	/** Step 2: the prefecture admin chooses the studio on screen, reads the confirmation and names it. */
	private long nameTheStudioInABatch(Walk walk, long studio) {
		site.signIn(walk.prefectureAdmin);
		menu("示范命名", "命名批次");
		Browser.click(browser, browser.findElement(By.id("new-batch")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("batch-form")));
		type(By.id("title"), "优秀石榴籽工作室");
		assertThat(new Select(browser.findElement(By.id("level"))).getFirstSelectedOption().getText()).isEqualTo("州级");
		type(By.id("number"), String.valueOf(walk.batchNumber));
		new Select(browser.findElement(By.id("source"))).selectByVisibleText("创建单位");
		type(By.id("region"), walk.township);
		new Select(browser.findElement(By.id("unitKind"))).selectByVisibleText("石榴籽工作室");
		Browser.click(browser, browser.findElement(By.id("filter")));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("batch-candidates"), walk.studioName));
		assertThat(browser.findElement(By.id("title")).getAttribute("value")).as("the decision typed so far")
			.isEqualTo("优秀石榴籽工作室");
		assertThat(browser.findElements(By.cssSelector("#batch-candidates li"))).extracting(WebElement::getText)
			.as("the studio, where it lies by name")
			.containsExactly(walk.studioName + " " + walk.villageName);

		Browser.click(browser, browser.findElement(By.id("choose-all")));
		assertThat(checkbox(studio).isSelected()).as("全选 chose the studio").isTrue();
		Browser.click(browser, browser.findElement(By.id("preview")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#decisionNumber.is-invalid")));
		assertThat(text(By.cssSelector("#decisionNumber ~ .invalid-feedback"))).isEqualTo("请填写此项。");
		assertThat(checkbox(studio).isSelected()).as("the holder chosen stays chosen after a refusal").isTrue();
		assertThat(new Select(browser.findElement(By.id("source"))).getFirstSelectedOption().getText()).isEqualTo("创建单位");
		assertThat(browser.findElement(By.id("number")).getAttribute("value")).isEqualTo(String.valueOf(walk.batchNumber));

		type(By.id("decisionNumber"), walk.decisionNumber);
		Browser.click(browser, browser.findElement(By.id("preview")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("batch-summary")));
		var summary = walk.today.getYear() + " 年第 " + walk.batchNumber + " 批「优秀石榴籽工作室」（州级，" + walk.decisionNumber
				+ "）：共 1 个命名对象。";
		assertThat(text(By.id("batch-summary"))).isEqualTo(summary);
		assertThat(rows(By.id("batch-list"))).containsExactly(
				List.of("1", walk.studioName, walk.villageName, "优秀石榴籽工作室", "符合"));

		Browser.click(browser, browser.findElement(By.id("batch-back")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("batch-form")));
		assertThat(checkbox(studio).isSelected()).as("返回 keeps the holders chosen").isTrue();
		assertThat(browser.findElement(By.id("decisionNumber")).getAttribute("value")).isEqualTo(walk.decisionNumber);
		Browser.click(browser, browser.findElement(By.id("preview")));
		wait.until(ExpectedConditions.textToBe(By.id("batch-summary"), summary));
		site.screenshot("walk-batch-confirm");

		Browser.click(browser, browser.findElement(By.cssSelector("#batch-commit button[type=submit]")));
		var confirm = wait.until(ExpectedConditions.alertIsPresent());
		assertThat(confirm.getText()).isEqualTo("确定一次命名这 1 个对象？");
		confirm.accept();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "批量命名已完成。"));
		assertThat(text(By.id("batch-count"))).isEqualTo("1");
		assertThat(rows(By.cssSelector("#batch-namings table"))).containsExactly(List.of(walk.studioName + " 示范单位",
				"优秀石榴籽工作室", "州级", walk.villageName, date(walk.today), date(walk.validUntil), "有效"));

		Browser.click(browser, browser.findElement(By.linkText(walk.studioName)));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("naming-details")));
		assertThat(text(By.cssSelector("h1 .badge"))).isEqualTo("有效");
		assertThat(text(By.id("named-on"))).isEqualTo(date(walk.today));
		assertThat(text(By.id("valid-until"))).isEqualTo(date(walk.validUntil));
		return Long.parseLong(browser.getCurrentUrl().replaceFirst(".*/namings/(\\d+).*", "$1"));
	}

	/** Step 3: the QR code as the screen shows it decodes to the verification page, which says 有效. */
	private String readTheCertificatesQrCode(Walk walk, long title) throws Exception {
		Browser.click(browser, browser.findElement(By.id("certificate-link")));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("certificate-qr")));
		wait.until(driver -> (Boolean) script("return document.getElementById('certificate-qr').complete"));
		assertThat(text(By.id("certificate-holder"))).isEqualTo(walk.studioName);
		assertThat(text(By.id("certificate-title"))).isEqualTo("优秀石榴籽工作室");
		var code = text(By.id("certificate-code"));
		var element = browser.findElement(By.id("certificate-qr"));
		Browser.click(browser, element);
		var window = ImageIO.read(new ByteArrayInputStream(((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES)));
		var rect = element.getRect();
		int scrollY = ((Number) script("return Math.round(window.scrollY)")).intValue();
		var image = window.getSubimage(rect.getX(), rect.getY() - scrollY, rect.getWidth(), rect.getHeight());
		var address = new QRCodeReader()
			.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
			.getText();
		assertThat(address).isEqualTo(site.url("/verify/" + code));
		assertThat(jdbc.queryForObject("select verification_code from naming where id = ?", String.class, title))
			.isEqualTo(code);

		browser.manage().deleteAllCookies();
		browser.get(address);
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verify-state")));
		assertThat(browser.findElements(By.id("main-menu"))).as("not signed in").isEmpty();
		assertThat(text(By.id("verify-state"))).isEqualTo("有效");
		assertThat(text(By.id("verify-holder"))).isEqualTo(walk.studioName);
		assertThat(text(By.id("verify-title"))).isEqualTo("优秀石榴籽工作室");
		assertThat(text(By.id("verify-level"))).isEqualTo("州级");
		assertThat(text(By.id("verify-issuer"))).isEqualTo("阿坝藏族羌族自治州");
		assertThat(text(By.id("verify-named-on"))).isEqualTo(date(walk.today));
		assertThat(text(By.id("verify-valid-until"))).isEqualTo(date(walk.validUntil));
		assertThat(browser.findElements(By.id("verify-revoked-on"))).isEmpty();
		site.screenshot("walk-verification-valid");
		return address;
	}

	/** Step 4: a supervisor of 阿坝州 starts a re-check and records its result, 撤销命名. */
	private void revokeThroughARecheck(Walk walk, long title) {
		site.signIn(walk.supervisor);
		menu("示范命名", "命名列表");
		type(By.id("text"), walk.studioName);
		Browser.click(browser, browser.findElement(By.cssSelector("#naming-filters button[type=submit]")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText(walk.studioName)));
		Browser.click(browser, browser.findElement(By.linkText(walk.studioName)));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("recheck-form")));
		assertThat(browser.getCurrentUrl()).endsWith("/namings/" + title);
		assertThat(browser.findElements(By.id("revoke-form"))).as("a supervisor revokes through a re-check only").isEmpty();

		new Select(browser.findElement(By.id("kind"))).selectByVisibleText("专项复查");
		Browser.click(browser, browser.findElement(By.cssSelector("#recheck-form button[type=submit]")));
		wait.until(ExpectedConditions.alertIsPresent()).accept();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "已发起复查。"));
		assertThat(text(By.cssSelector("h1 .badge"))).isEqualTo("复查中");

		type(By.id("inspectors"), "阿坝州民宗委 杨某、李某");
		type(By.id("findings"), "规程上墙后未按规程开展活动，台账缺失。");
		new Select(browser.findElement(By.id("result"))).selectByVisibleText("撤销命名");
		type(By.id("result-reason"), "复查不合格");
		Browser.click(browser, browser.findElement(By.cssSelector("#result-form button[type=submit]")));
		wait.until(ExpectedConditions.alertIsPresent()).accept();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#result-number.is-invalid")));
		assertThat(text(By.cssSelector(".alert-danger"))).isEqualTo("请填写此项。");
		assertThat(browser.findElement(By.id("inspectors")).getAttribute("value")).as("what was typed stays")
			.isEqualTo("阿坝州民宗委 杨某、李某");
		assertThat(browser.findElement(By.id("findings")).getAttribute("value")).isEqualTo("规程上墙后未按规程开展活动，台账缺失。");
		assertThat(new Select(browser.findElement(By.id("result"))).getFirstSelectedOption().getText()).isEqualTo("撤销命名");
		assertThat(browser.findElement(By.id("result-reason")).getAttribute("value")).isEqualTo("复查不合格");
		assertThat(text(By.cssSelector("h1 .badge"))).isEqualTo("复查中");

		type(By.id("result-number"), walk.revocationNumber);
		Browser.click(browser, browser.findElement(By.cssSelector("#result-form button[type=submit]")));
		wait.until(ExpectedConditions.alertIsPresent()).accept();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "复查结果已登记。"));
		assertThat(text(By.cssSelector("h1 .badge"))).isEqualTo("已撤销");
		assertThat(text(By.id("revoked"))).isEqualTo(date(walk.today) + " · " + walk.revocationNumber + " · 复查不合格");
		assertThat(rows(By.id("rechecks"))).containsExactly(List.of("专项复查", date(walk.today.plusDays(30)),
				date(walk.today), "阿坝州民宗委 杨某、李某", "", "规程上墙后未按规程开展活动，台账缺失。", "撤销命名"));
		site.screenshot("walk-revoked");
	}

	// The person's moves

	/** Registers a unit through 单位名录 › 登记单位 and returns its id, from the page it leads to. */
	private long register(String name, String kind, String regionCode, String parent) {
		menu("创建单位", "单位名录");
		Browser.click(browser, browser.findElement(By.id("new-unit")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("unit-form")));
		type(By.id("name"), name);
		new Select(browser.findElement(By.id("kind"))).selectByVisibleText(kind);
		type(By.id("regionCode"), regionCode);
		if (parent != null) {
			new Select(browser.findElement(By.id("parentId"))).selectByVisibleText(parent);
		}
		type(By.id("personInCharge"), "测试负责人");
		Browser.click(browser, browser.findElement(By.cssSelector("#unit-form button[type=submit]")));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "单位已登记。"));
		assertThat(text(By.cssSelector("h1 > span"))).isEqualTo(name);
		assertThat(text(By.id("unit-state"))).isEqualTo("在册");
		return Long.parseLong(browser.getCurrentUrl().replaceFirst(".*/units/(\\d+).*", "$1"));
	}

	/**
	 * 增加成员 from the unit page: the cadre found by the stem of the test's names, a save without a
	 * cadre refused with the search kept, then the cadre chosen.
	 */
	private void addMember(Walk walk, String cadre, String role) {
		var unit = text(By.cssSelector("h1 > span"));
		Browser.click(browser, browser.findElement(By.id("add-member")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("member-form")));
		type(By.cssSelector("#cadre-search input[name=q]"), walk.stem);
		Browser.click(browser, browser.findElement(By.cssSelector("#cadre-search button[type=submit]")));
		wait.until(ExpectedConditions.urlContains("q="));
		var found = new Select(browser.findElement(By.id("cadreId"))).getOptions().stream().map(WebElement::getText).toList();
		assertThat(found.get(0)).isEqualTo("请选择");
		assertThat(found.subList(1, found.size())).as("the cadres the search found")
			.containsExactlyInAnyOrder(walk.centreYuziyuan + "（" + walk.workUnit + "）", walk.head + "（" + walk.workUnit + "）",
					walk.yuziyuan + "（" + walk.workUnit + "）");
		new Select(browser.findElement(By.id("role"))).selectByVisibleText(role);
		Browser.click(browser, browser.findElement(By.cssSelector("#member-form button[type=submit]")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#cadreId.is-invalid")));
		assertThat(text(By.cssSelector("#cadreId ~ .invalid-feedback"))).isEqualTo("请选择本人管辖范围内的干部。");
		assertThat(browser.findElement(By.cssSelector("#cadre-search input[name=q]")).getAttribute("value"))
			.as("the search typed stays").isEqualTo(walk.stem);
		assertThat(new Select(browser.findElement(By.id("cadreId"))).getOptions()).as("and so do the cadres it found")
			.hasSize(4);
		assertThat(new Select(browser.findElement(By.id("role"))).getFirstSelectedOption().getText()).isEqualTo(role);

		new Select(browser.findElement(By.id("cadreId"))).selectByVisibleText(cadre + "（" + walk.workUnit + "）");
		Browser.click(browser, browser.findElement(By.cssSelector("#member-form button[type=submit]")));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "成员已加入。"));
		assertThat(text(By.cssSelector("h1 > span"))).isEqualTo(unit);
		assertThat(browser.findElement(By.id("current-members")).getText()).contains(cadre + " " + role);
	}

	/** Opens {@code item} of the menu's {@code entry}, and waits for the page it leads to. */
	private void menu(String entry, String item) {
		var menu = browser.findElement(By.id("main-menu"));
		Browser.click(browser, menu.findElement(By.linkText(entry)));
		var page = browser.findElement(By.tagName("html"));
		wait.until(ExpectedConditions.elementToBeClickable(menu.findElement(By.linkText(item)))).click();
		wait.until(ExpectedConditions.stalenessOf(page));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("content")));
	}

	private void type(By field, String value) {
		var element = browser.findElement(field);
		element.clear();
		element.sendKeys(value);
	}

	private String text(By element) {
		return browser.findElement(element).getText();
	}

	private WebElement checkbox(long studio) {
		return browser.findElement(By.cssSelector("#batch-candidates input[name=holders][value='U:" + studio + "']"));
	}

	/** The body rows of a table, each as the texts of its cells. */
	private List<List<String>> rows(By table) {
		return browser.findElement(table)
			.findElements(By.cssSelector("tbody > tr"))
			.stream()
			.map(row -> row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
			.toList();
	}

	private Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) browser).executeScript(script, arguments);
	}

	/** A real PNG of 48 × 32 pixels, the pomegranate red with a white band, as a phone's photo would be. */
	private static Path wallPhoto() throws Exception {
		var image = new BufferedImage(48, 32, BufferedImage.TYPE_INT_RGB);
		var graphics = image.createGraphics();
		graphics.setColor(new Color(0xb3263a));
		graphics.fillRect(0, 0, 48, 32);
		graphics.setColor(Color.WHITE);
		graphics.fillRect(6, 12, 36, 8);
		graphics.dispose();
		var file = Files.createTempDirectory("pomegranate-wall").resolve("wall-rules.png");
		ImageIO.write(image, "png", file.toFile());
		return file;
	}

	/** A new account of {@code role} in {@code region}, with the demo password. */
	private String user(String role, String region) {
		var username = "walk_" + role.toLowerCase(Locale.ROOT) + "_" + region + "_" + Long.toString(System.nanoTime(), 36)
				+ SEQUENCE.incrementAndGet();
		jdbc.update("""
				insert into user_account (username, display_name, password_hash, role, region_code)
				values (?, ?, ?, ?, ?)""", username, "走查" + role, passwords.encode(Site.DEMO_PASSWORD), role, region);
		return username;
	}

	private static String date(LocalDate date) {
		return CHINESE_DATE.format(date);
	}

	/** The township, villages, users, cadres and names of one walk, all its own. */
	private final class Walk {

		final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

		final LocalDate validUntil = today.plusYears(5).minusDays(1);

		final String township = TestRegions.township(jdbc, COUNTY, "石榴籽网络测试乡");

		final String townshipName = jdbc.queryForObject("select name from region where code = ?", String.class, township);

		final String village = township + "001";

		final String tag = chinese(township.substring(COUNTY.length()));

		final String villageName = "网络测试村" + tag;

		final String stem = "网测" + tag;

		final String workUnit = townshipName + "党委";

		final String head = stem + "泽仁";

		final String yuziyuan = stem + "卓玛";

		final String centreYuziyuan = stem + "格桑";

		final String centreName = townshipName + "石榴籽工作中心";

		final String studioName = villageName + "石榴籽工作室";

		final String countyAdmin = user("ADMIN", COUNTY);

		final String prefectureAdmin = user("ADMIN", PREFECTURE);

		final String supervisor = user("SUPERVISOR", PREFECTURE);

		final int batchNumber;

		final String decisionNumber;

		final String revocationNumber;

		Walk() {
			jdbc.update("insert into region (code, name, level, parent_code) values (?, ?, 'VILLAGE', ?)", village,
					villageName, township);
			for (var name : List.of(centreYuziyuan, head, yuziyuan)) {
				jdbc.update("""
						insert into cadre (name, gender, ethnicity, work_unit, level, region_code, phone)
						values (?, 'FEMALE', '04', ?, 'YUZIYUAN', ?, '13812345678')""", name, workUnit, township);
			}
			batchNumber = jdbc.queryForObject("""
					select coalesce(max(number), 500) + 1 from naming_batch
					where issuer_region_code = ? and level = 'PREFECTURE' and year = ?""", Integer.class, PREFECTURE,
					today.getYear());
			decisionNumber = "阿府命〔" + today.getYear() + "〕" + batchNumber + "号";
			revocationNumber = "阿府撤〔" + today.getYear() + "〕" + batchNumber + "号";
		}

		private static String chinese(String number) {
			var digits = new StringBuilder();
			number.chars().forEach(c -> digits.append(DIGITS.charAt(c - '0')));
			return digits.toString();
		}

	}

}
