package org.pomegranate.assessment.holder;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import javax.imageio.ImageIO;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pomegranate.Browser;
import org.pomegranate.BrowserTest;
import org.pomegranate.Site;
import org.pomegranate.assessment.workflow.AssessmentDrafts;
import org.pomegranate.assessment.workflow.AssessmentSheets;
import org.pomegranate.assessment.workflow.EvaluatingInstitutions;
import org.pomegranate.assessment.workflow.ReviewForms.AttachReviewerForm;
import org.pomegranate.assessment.workflow.ReviewForms.EvaluatorScoreForm;
import org.pomegranate.assessment.workflow.ReviewForms.InstitutionForm;
import org.pomegranate.assessment.workflow.Reviews;
import org.pomegranate.shared.ChinaTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The whole of an assessment in a real browser, as three people do it: 康定市's staff member
 * starts an application, reads the gap, attaches a photo and a video to an article and submits;
 * 甘孜州's admin assigns the demo reviewer, who follows a frozen figure to the masked list of the
 * petitions it counted, then returns one article for more evidence; the staff
 * member adds a record to it and resubmits; the reviewer scores, writes the report and finishes;
 * the staff waive the appeal, 康定市's admin confirms and 甘孜州's admin accepts. Both reports and
 * the score sheet are downloaded with the browser's session and read back. The 66 scores on each
 * side are entered through the services (the forms are the same per row; one of each is typed).
 */
@BrowserTest
class AssessmentBrowserTests {

	private static final String TAG = "浏览器测评";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	AssessmentDrafts drafts;

	@Autowired
	AssessmentSheets sheets;

	@Autowired
	Reviews reviews;

	@Autowired
	EvaluatingInstitutions institutions;

	@Autowired
	Clock clock;

	WebDriver browser;

	WebDriverWait wait;

	Site site;

	long id;

	@AfterEach
	void clear() {
		if (id != 0) {
			jdbc.update("delete from assessment where id = ?", id);
		}
	}

	@Test
	void aCountyAppliesAReviewerEvaluatesAndBothLevelsConfirm() throws Exception {
		var framework = AssessmentFixtures.demoCountyFramework(jdbc);
		int year = ChinaTime.today(clock).getYear();
		jdbc.update("delete from assessment where holder_region_code = '513301' and year = ? and purpose = 'APPLICATION'", year);

		// 康定市's staff member starts the application and reads the gap.
		site.signIn("kd_staff");
		site.open("/assessments/new?framework=" + framework);
		setValue(browser.findElement(By.id("year")), String.valueOf(year));
		new Select(browser.findElement(By.id("purpose"))).selectByVisibleText("申报");
		click("create");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("gap")));
		id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/assessments/(\\d+).*", "$1"));
		assertThat(text("short-by")).isEqualTo("距达标线还差 90 分");
		assertThat(text("scored-count")).isEqualTo("已自评 0/66");

		AssessmentFixtures.signIn(users, "kd_staff");
		try {
			AssessmentFixtures.scoreEverything(drafts, sheets.sheet(id), this::version);
		}
		finally {
			AssessmentFixtures.signOut();
		}
		var first = node("1.1.1");
		site.open("/assessments/" + id);
		var row = browser.findElement(By.id("node-" + first));
		var score = row.findElement(By.name("score"));
		score.clear();
		score.sendKeys("0");
		row.findElement(By.name("note")).sendKeys("领导小组尚未调整");
		submit(row.findElement(By.cssSelector(".score-form button")));
		assertThat(browser.findElement(By.cssSelector(".alert-success")).getText()).contains("自评已保存");
		// The articles' self scores as entered (the 奖惩清单 all 0): the live proposals, the full points and the 0 typed.
		var entered = jdbc.queryForObject("""
				select sum(s.self_score) from assessment_score s join indicator_node n on n.id = s.node_id
				where s.assessment_id = ? and n.level = 'ARTICLE'""", BigDecimal.class, id);
		assertThat(jdbc.queryForObject("select self_score from assessment_score where assessment_id = ? and node_id = ?",
				BigDecimal.class, id, first)).isZero();
		assertThat(text("self-total")).isEqualTo(entered.stripTrailingZeros().toPlainString());
		assertThat(text("scored-count")).isEqualTo("已自评 66/66");

		// A photo and a video, each from the article's upload link, each back on the article.
		attach(first, "领导小组会议照片", "图片", "会议.png", png());
		attach(first, "民族团结宣传视频", "视频", "宣传.mp4", mp4());
		var pieces = browser.findElement(By.id("node-" + first)).findElements(By.cssSelector(".evidence-piece"));
		assertThat(pieces).extracting(WebElement::getText)
			.anySatisfy(piece -> assertThat(piece).contains("领导小组会议照片", "会议.png"))
			.anySatisfy(piece -> assertThat(piece).contains("民族团结宣传视频", "宣传.mp4"));
		submit(browser.findElement(By.id("submit")));
		assertThat(text("assessment-state")).isEqualTo("已提交");
		assertThat(jdbc.queryForObject("select count(*) from evidence_snapshot where assessment_id = ? and node_id = ?",
				Long.class, id, first)).isEqualTo(2);

		// 甘孜州's admin assigns the demo reviewer for a month.
		reviewerInAnInstitution();
		site.signIn("gz_admin");
		site.open("/assessments/" + id + "/assignments");
		new Select(browser.findElement(By.id("reviewer"))).selectByValue("gz_reviewer");
		setValue(browser.findElement(By.id("startsOn")), ChinaTime.today(clock).toString());
		setValue(browser.findElement(By.id("endsOn")), ChinaTime.today(clock).plusDays(30).toString());
		submit(browser.findElement(By.id("assign")));
		assertThat(browser.findElement(By.id("assignments")).getText()).contains("第三方评估专家");

		// The reviewer returns the second article for more evidence.
		var second = node("1.1.2");
		site.signIn("gz_reviewer");
		site.open("/reviews");
		submit(browser.findElement(By.cssSelector("a.open-review[href='/reviews/" + id + "']")));
		// From the frozen 诉求化解率 to the petitions it counted at submission: the total, the part, masked names.
		var frozenFigure = browser.findElement(By.id("node-" + node("5.2.2"))).findElement(By.cssSelector("a.frozen-list"));
		var frozenText = frozenFigure.getText();
		submit(frozenFigure);
		assertThat(text("frozen-figure")).isEqualTo(frozenText);
		long listed = Long.parseLong(text("records-total").replaceAll("^共 (\\d+) 条.*", "$1"));
		assertThat(listed).isPositive();
		assertThat(text("records-part")).endsWith("占 " + frozenText);
		var petitions = browser.findElements(By.cssSelector("#records tr.record"));
		assertThat(petitions).hasSize((int) Math.min(listed, 50));
		assertThat(petitions).allSatisfy(petition -> assertThat(petition.findElement(By.cssSelector("td:nth-child(3)"))
			.getText()).matches(".\\*+"));
		site.open("/reviews/" + id);
		submit(browser.findElement(By.id("start")));
		var returned = browser.findElement(By.id("node-" + second));
		returned.findElement(By.cssSelector(".return-form input[name=reason]")).sendKeys("请补充领导小组的会议记录");
		submit(returned.findElement(By.cssSelector(".return-form button")));
		submit(browser.findElement(By.id("send-back")));
		assertThat(text("assessment-state")).isEqualTo("已退回");

		// The staff member adds a record to the returned article and resubmits.
		site.signIn("kd_staff");
		site.open("/assessments/" + id);
		assertThat(browser.findElement(By.id("node-" + second)).getText()).contains("请补充领导小组的会议记录");
		assertThat(browser.findElement(By.id("node-" + first)).findElements(By.cssSelector(".score-form"))).isEmpty();
		attach(second, "领导小组会议记录", "记录", "会议记录.png", png());
		submit(browser.findElement(By.id("resubmit")));
		assertThat(text("assessment-state")).isEqualTo("已重新提交");

		// The reviewer scores every node (one typed), writes the report and finishes.
		site.signIn("gz_reviewer");
		site.open("/reviews/" + id);
		submit(browser.findElement(By.id("start")));
		var typed = browser.findElement(By.id("node-" + first));
		typed.findElement(By.cssSelector(".score-form input[name=score]")).sendKeys("0");
		submit(typed.findElement(By.cssSelector(".score-form button")));
		AssessmentFixtures.signIn(users, "gz_reviewer");
		try {
			for (var scored : sheets.sheet(id).ordered()) {
				if (scored.node().getId() != first) {
					var value = scored.score().getSelfScore();
					reviews.score(id, scored.node().getId(), new EvaluatorScoreForm(value.toPlainString(), "核实", version()));
				}
			}
		}
		finally {
			AssessmentFixtures.signOut();
		}
		site.open("/reviews/" + id);
		browser.findElement(By.cssSelector("#report-form textarea[name=text]")).sendKeys("总体达到示范县创建标准，领导机制一条需整改。");
		submit(browser.findElement(By.id("save-report")));
		submit(browser.findElement(By.id("finish")));
		assertThat(text("assessment-state")).isEqualTo("已评估");
		var evaluatorTotal = jdbc.queryForObject("select evaluator_total from assessment where id = ?", BigDecimal.class, id);
		assertThat(text("evaluator-total")).isEqualTo(evaluatorTotal.stripTrailingZeros().toPlainString());

		// The staff waive the appeal; 康定市's admin confirms, 甘孜州's admin accepts.
		site.signIn("kd_staff");
		site.open("/assessments/" + id + "/decision");
		submit(browser.findElement(By.id("waive")));
		site.signIn("kd_admin");
		site.open("/assessments/" + id + "/decision");
		submit(browser.findElement(By.id("confirm")));
		assertThat(text("approvals")).isEqualTo("已确认 1/2 级，下一级：5133");
		site.signIn("gz_admin");
		site.open("/assessments/" + id + "/decision");
		submit(browser.findElement(By.id("confirm")));
		assertThat(text("assessment-state")).isEqualTo("已确认");
		var adopted = jdbc.queryForObject("select adopted_total from assessment where id = ?", BigDecimal.class, id);
		assertThat(adopted).isEqualByComparingTo(evaluatorTotal);
		assertThat(text("adopted-total")).isEqualTo(adopted.stripTrailingZeros().toPlainString());

		// Both reports and the score sheet, as the links on the page give them.
		site.open("/assessments/" + id);
		var self = docx(download(browser.findElement(By.id("self-report-link")).getDomProperty("href")));
		assertThat(self).contains("康定市", "自评");
		var evaluation = docx(download(browser.findElement(By.id("evaluation-report-link")).getDomProperty("href")));
		assertThat(evaluation).contains("总体达到示范县创建标准，领导机制一条需整改。");
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(
				download(browser.findElement(By.id("scores-link")).getDomProperty("href"))))) {
			var sheet = workbook.getSheetAt(0);
			var rows = new ArrayList<String>();
			var format = new DataFormatter();
			sheet.forEach(line -> rows.add(StreamSupport.stream(line.spliterator(), false)
				.map(format::formatCellValue)
				.collect(Collectors.joining("|"))));
			assertThat(rows).anySatisfy(line -> assertThat(line).startsWith("1.1.1|").contains("领导小组会议照片", "宣传.mp4"));
		}
	}

	/** Uploads one piece of evidence from the article's link and waits to be back on the assessment. */
	private void attach(long node, String title, String kind, String fileName, byte[] content) throws Exception {
		Browser.click(browser, browser.findElement(By.id("node-" + node)).findElement(By.cssSelector("a.upload-link")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("evidence-form")));
		browser.findElement(By.id("title")).sendKeys(title);
		new Select(browser.findElement(By.id("kind"))).selectByVisibleText(kind);
		setValue(browser.findElement(By.id("madeOn")), ChinaTime.today(clock).minusDays(10).toString());
		var file = Files.createTempDirectory(TAG).resolve(fileName);
		Files.write(file, content);
		browser.findElement(By.id("files")).sendKeys(file.toAbsolutePath().toString());
		submit(browser.findElement(By.id("create")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("gap")));
		assertThat(browser.getCurrentUrl()).contains("/assessments/" + id);
	}

	/** gz_reviewer works for an evaluating institution of 甘孜州 (the demo's, or one made here). */
	private void reviewerInAnInstitution() {
		if (jdbc.queryForObject("select count(*) from institution_reviewer where user_name = 'gz_reviewer'", Long.class) > 0) {
			return;
		}
		AssessmentFixtures.signIn(users, "gz_admin");
		try {
			var institution = institutions.register(new InstitutionForm(UUID.randomUUID(), "四川民族学院评估中心（" + TAG + "）", "5133"));
			institutions.attach(institution.getId(), new AttachReviewerForm("gz_reviewer"));
		}
		finally {
			AssessmentFixtures.signOut();
		}
	}

	private void click(String elementId) {
		submit(browser.findElement(By.id(elementId)));
	}

	/** Clicks (answering yes to a confirmation it asks) and waits for the next page. */
	private void submit(WebElement element) {
		confirmDialogs();
		Browser.click(browser, element);
		wait.until(ExpectedConditions.stalenessOf(element));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("content")));
	}

	/** The page's confirmation dialogs are the browser's own: answered yes. */
	private void confirmDialogs() {
		((JavascriptExecutor) browser).executeScript("window.confirm = () => true;");
	}

	/** Sets an input (a date input takes its value in ISO form whatever the browser's locale). */
	private void setValue(WebElement input, String value) {
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", input, value);
	}

	private String text(String elementId) {
		return browser.findElement(By.id(elementId)).getText();
	}

	private long node(String code) {
		return jdbc.queryForObject("select n.id from indicator_node n join assessment a on a.framework_id = n.framework_id "
				+ "where a.id = ? and n.code = ?", Long.class, id, code);
	}

	private long version() {
		return jdbc.queryForObject("select version from assessment where id = ?", Long.class, id);
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

	private static String docx(byte[] bytes) throws Exception {
		try (var document = new XWPFDocument(new ByteArrayInputStream(bytes)); var text = new XWPFWordExtractor(document)) {
			return text.getText();
		}
	}

	private static byte[] png() throws Exception {
		var image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
		image.setRGB(0, 0, 0xC0392B);
		var out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	/** The smallest MP4 the store takes: an {@code ftyp} box and an {@code mdat} box. */
	private static byte[] mp4() {
		var buffer = ByteBuffer.allocate(24 + 8 + 256);
		buffer.putInt(24).put(ascii("ftyp")).put(ascii("isom")).putInt(0x200).put(ascii("isom")).put(ascii("iso2"));
		buffer.putInt(8 + 256).put(ascii("mdat"));
		return buffer.array();
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
