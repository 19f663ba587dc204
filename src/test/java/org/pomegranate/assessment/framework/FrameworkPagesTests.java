package org.pomegranate.assessment.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * The framework pages as their users read them: the list and a demo framework's page with its
 * 演示 banner, its sums and its live figures; refused forms and files come back (422) saying why
 * in Chinese, with what was typed; the export is a real workbook.
 */
@IntegrationTest
class FrameworkPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void users() {
		FrameworkFixtures.users(jdbc);
	}

	@Test
	void staffReadTheDemoFrameworksWithTheirBannerSumsAndLiveFigures() throws Exception {
		var list = send(get("/frameworks"), "kd_staff");
		assertThat(list.getStatus()).isEqualTo(200);
		assertThat(list.getContentAsString()).contains("示范县测评指标（演示）", "机关测评指标（演示）", "四川省", "已发布", "第1版")
			.doesNotContain("id=\"new-framework\"");

		var page = send(get("/frameworks/" + demoCounty()), "kd_staff");
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("id=\"demonstration-banner\"", "并非国家正式测评指标表",
				"7 个大类、20 项、58 条，各大类合计 100 分（基本分 100 分）", "结对覆盖率：截至期末已结对户数占应结对户数的比例。",
				"目标 100%", "达成 95% 以上得 80%", "每处扣 0.2 分", "各项合计 8 分，计入总分不超过 5 分", ">县级<", " → ", ">州级<")
			.doesNotContain("class=\"btn btn-sm btn-link px-1 edit-node\"", "id=\"publish\"", "id=\"settings-form\"");
	}

	@Test
	void aCountyAdminIsToldOnlyProvincesAndPrefecturesAuthor() throws Exception {
		var page = send(get("/frameworks/new"), "kd_admin");
		assertThat(page.getContentAsString()).contains("id=\"may-not-create\"");
		var refused = send(post("/frameworks").param("submission", UUID.randomUUID().toString())
			.param("kind", "COUNTY").param("name", "县级编制").param("basePoints", "100").param("passMark", "90")
			.param("appealDays", "10"), "kd_admin");
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString()).contains("只有省、市（州）管理员可以编制测评指标");
		assertThat(jdbc.queryForObject("select count(*) from indicator_framework where name = '县级编制'", Long.class)).isZero();
	}

	@Test
	void aWrongNewFrameworkFormComesBackWithWhatWasTypedAndWhy() throws Exception {
		var refused = send(post("/frameworks").param("submission", UUID.randomUUID().toString()).param("kind", "COUNTY")
			.param("name", "").param("basePoints", "一百分").param("passMark", "90").param("appealDays", "10"),
				FrameworkFixtures.ABA_ADMIN);
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString()).contains("请填写此项。", "请填写 0 到 9999.99 之间的数，最多两位小数，如 90 或 2.5。",
				"value=\"一百分\"");
	}

	@Test
	void aWrongNodeFormAndAStaleOneComeBackSayingWhy() throws Exception {
		var id = draft();
		var refused = send(post("/frameworks/" + id + "/nodes").param("version", version(id)).param("level", "CATEGORY")
			.param("code", "1").param("title", "第一大类").param("points", "1.234"), FrameworkFixtures.ABA_ADMIN);
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString()).contains("分值“1.234”不对", "value=\"1.234\"", "value=\"第一大类\"");

		var added = send(post("/frameworks/" + id + "/nodes").param("version", version(id)).param("level", "CATEGORY")
			.param("code", "1").param("title", "第一大类").param("points", "100"), FrameworkFixtures.ABA_ADMIN);
		assertThat(added.getStatus()).isEqualTo(302);
		var stale = send(post("/frameworks/" + id + "/settings").param("version", "0").param("name", "旧窗口")
			.param("basePoints", "100").param("passMark", "90").param("appealDays", "10"), FrameworkFixtures.ABA_ADMIN);
		assertThat(stale.getStatus()).isEqualTo(422);
		assertThat(stale.getContentAsString()).contains("该指标体系已被他人修改");
		assertThat(jdbc.queryForObject("select name from indicator_framework where id = ?", String.class, id)).isNotEqualTo("旧窗口");
	}

	@Test
	void aFileThatIsNoWorkbookIsRefusedWithAMessageNotAnError() throws Exception {
		var before = jdbc.queryForObject("select count(*) from indicator_framework", Long.class);
		var notXlsx = send(multipart("/frameworks/import").file(new MockMultipartFile("file", "指标.xlsx", "application/octet-stream",
				"层级,编号".getBytes(StandardCharsets.UTF_8))).param("submission", UUID.randomUUID().toString()),
				FrameworkFixtures.ABA_ADMIN);
		assertThat(notXlsx.getStatus()).isEqualTo(422);
		assertThat(notXlsx.getContentAsString()).contains("只能导入 Excel .xlsx 文件");
		var damaged = send(multipart("/frameworks/import").file(new MockMultipartFile("file", "指标.xlsx", "application/octet-stream",
				new byte[] { 'P', 'K', 3, 4, 0, 0, 0, 0 })).param("submission", UUID.randomUUID().toString()),
				FrameworkFixtures.ABA_ADMIN);
		assertThat(damaged.getStatus()).isEqualTo(422);
		assertThat(damaged.getContentAsString()).contains("文件已损坏或不是有效的 .xlsx 文件");
		var none = send(post("/frameworks/import").param("submission", UUID.randomUUID().toString()), FrameworkFixtures.ABA_ADMIN);
		assertThat(none.getStatus()).isEqualTo(422);
		assertThat(none.getContentAsString()).contains("请选择要导入的 .xlsx 文件。");
		assertThat(jdbc.queryForObject("select count(*) from indicator_framework", Long.class)).isEqualTo(before);
	}

	@Test
	void theExportIsAWorkbookWithTheSheetsAndTheNodes() throws Exception {
		var response = send(get("/frameworks/" + demoCounty() + "/export"), "kd_staff");
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
			var sheet = workbook.getSheet("指标");
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("层级");
			assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("加强和完善党对民族工作的全面领导");
			assertThat(sheet.getRow(1).getCell(4).getNumericCellValue()).isEqualTo(15.0);
			assertThat(sheet.getLastRowNum()).isEqualTo(93);
			assertThat(workbook.getSheet("设置").getRow(1).getCell(1).getStringCellValue()).isEqualTo("示范县测评指标（演示）");
		}
	}

	private long demoCounty() {
		return jdbc.queryForObject("select id from indicator_framework where name = '示范县测评指标（演示）' and issuer_region_code = '51'",
				Long.class);
	}

	private long draft() throws Exception {
		var name = "页面测试" + UUID.randomUUID().toString().substring(0, 8);
		var created = send(post("/frameworks").param("submission", UUID.randomUUID().toString()).param("kind", "COUNTY")
			.param("name", name).param("basePoints", "100").param("passMark", "90").param("appealDays", "10"),
				FrameworkFixtures.ABA_ADMIN);
		assertThat(created.getStatus()).isEqualTo(302);
		return jdbc.queryForObject("select id from indicator_framework where name = ?", Long.class, name);
	}

	private String version(long id) {
		return String.valueOf(jdbc.queryForObject("select version from indicator_framework where id = ?", Long.class, id));
	}

	private <B extends AbstractMockHttpServletRequestBuilder<B>> MockHttpServletResponse send(B request, String username)
			throws Exception {
		return mvc.perform(request.with(csrf()).with(user(users.loadUserByUsername(username))).header("Accept", "text/html")
			.header("Accept-Language", "zh-CN")).andReturn().getResponse();
	}

}
