package org.pomegranate.unit.network;

import org.pomegranate.TestRegions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.pomegranate.unit.network.UnitFixtures.COUNTY;
import static org.pomegranate.unit.network.UnitFixtures.OTHER_STAFF;
import static org.pomegranate.unit.network.UnitFixtures.OTHER_TOWNSHIP;
import static org.pomegranate.unit.network.UnitFixtures.STAFF;
import static org.pomegranate.unit.network.UnitFixtures.SUPERVISOR;
import static org.pomegranate.unit.network.UnitFixtures.TOWNSHIP_STAFF;
import static org.pomegranate.unit.network.UnitFixtures.name;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.shared.Masking;
import org.pomegranate.shared.SubmissionTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The unit pages as staff of 黑水县 use them: the form's Chinese messages beside their fields with
 * what was typed kept, a double submission making one unit, an edit that met another's, the export
 * read back cell by cell, the network tree's counts as the page shows them, a wall photo turning the
 * list's 规程上墙 filter, and a unit of another county answering as a missing one.
 */
@IntegrationTest
class UnitPagesTests {

	/** The smallest file a PNG's magic and a few bytes make. */
	private static final byte[] PNG = Arrays.copyOf(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A }, 32);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@BeforeEach
	void fixtures() {
		UnitFixtures.regionsAndUsers(jdbc);
	}

	@Test
	void aRefusedFormSaysWhyInChineseBesideEachFieldAndKeepsWhatWasTyped() throws Exception {
		var typed = "甲".repeat(101);
		var page = submit(fields(typed, "SCHOOL", COUNTY).with("creditCode", "91350100M000100Y44").with("phone", "12345"));
		assertThat(page.getStatus()).isEqualTo(200);
		var body = page.getContentAsString();
		assertThat(feedbackOf(body, "name")).isEqualTo("不能超过 100 个字。");
		assertThat(feedbackOf(body, "creditCode")).isEqualTo("统一社会信用代码不正确：应为 18 位，校验位须符合 GB 32100。");
		assertThat(feedbackOf(body, "phone")).startsWith("请填写 11 位手机号");
		assertThat(body).contains("value=\"" + typed + "\"").contains("value=\"91350100M000100Y44\"");

		var studio = submit(fields(name("无上级的工作室"), "WORK_STUDIO", UnitFixtures.VILLAGE_A)).getContentAsString();
		assertThat(feedbackOf(studio, "parentId")).isEqualTo("石榴籽工作室须挂在一个石榴籽工作中心下。");

		var outside = submit(fields(name("外县单位"), "AGENCY", UnitFixtures.OTHER_COUNTY)).getContentAsString();
		assertThat(feedbackOf(outside, "regionCode")).isEqualTo("请填写本人管辖范围内的区划代码。");
	}

	@Test
	void theSameFormSentTwiceMakesOneUnit() throws Exception {
		var unitName = name("双击测试机关");
		var form = fields(unitName, "AGENCY", COUNTY).with("submission", UUID.randomUUID().toString());
		var first = submit(form);
		var second = submit(form);
		assertThat(first.getStatus()).isEqualTo(302);
		assertThat(second.getRedirectedUrl()).isEqualTo(first.getRedirectedUrl()).matches("/units/\\d+");
		assertThat(jdbc.queryForObject("select count(*) from campaign_unit where name = ?", Long.class, unitName)).isEqualTo(1);
	}

	@Test
	void anEditThatMetAnothersSaysSoAndKeepsWhatWasTyped() throws Exception {
		var id = create(name("并发测试机关"), "AGENCY", COUNTY);
		var version = jdbc.queryForObject("select version from campaign_unit where id = ?", Long.class, id);
		// Someone else saves first.
		assertThat(edit(id, fields(name("先保存的名称"), "AGENCY", COUNTY).with("version", String.valueOf(version))).getStatus())
			.isEqualTo(302);
		var late = edit(id, fields("后保存的名称", "AGENCY", COUNTY).with("version", String.valueOf(version)));
		assertThat(late.getStatus()).isEqualTo(200);
		assertThat(late.getContentAsString()).contains("该记录已被他人修改。请查看最新内容后重新提交；您填写的内容已保留。")
			.contains("value=\"后保存的名称\"");
		assertThat(jdbc.queryForObject("select name from campaign_unit where id = ?", String.class, id)).startsWith("先保存的名称");
	}

	@Test
	void aMergeRefusedForItsActiveStudiosSaysSoAndKeepsWhatWasTyped() throws Exception {
		var township = newTownship("撤并页面测试乡");
		var centre = create(name("撤并页面工作中心"), "WORK_CENTRE", township);
		create(name("撤并页面工作室"), "WORK_STUDIO", township, Map.of("parentId", String.valueOf(centre)));
		var version = jdbc.queryForObject("select version from campaign_unit where id = ?", Long.class, centre);
		var page = mvc.perform(post("/units/" + centre + "/merge").param("version", String.valueOf(version))
			.param("mergedOn", "2024-06-30").param("reason", "乡镇区划调整合并").with(as(STAFF)).with(csrf()))
			.andReturn().getResponse();
		assertThat(page.getRedirectedUrl()).isNull();
		assertThat(page.getContentAsString()).contains("该单位还有在册的下级单位").contains("value=\"2024-06-30\"")
			.contains(">乡镇区划调整合并</textarea>");
		assertThat(jdbc.queryForObject("select state from campaign_unit where id = ?", String.class, centre)).isEqualTo("ACTIVE");
	}

	@Test
	void clearingThePhoneOnTheEditFormClearsIt() throws Exception {
		var id = create(name("电话页面测试机关"), "AGENCY", COUNTY, Map.of("phone", "13912345678"));
		var form = mvc.perform(get("/units/" + id + "/edit").with(as(STAFF))).andReturn().getResponse().getContentAsString();
		assertThat(form).contains("value=\"139****5678\"").doesNotContain("13912345678");
		var version = jdbc.queryForObject("select version from campaign_unit where id = ?", Long.class, id);
		var saved = edit(id, fields(name("电话页面测试机关"), "AGENCY", COUNTY).with("version", String.valueOf(version))
			.with("phone", ""));
		assertThat(saved.getStatus()).isEqualTo(302);
		assertThat(jdbc.queryForObject("select phone from campaign_unit where id = ?", String.class, id)).isNull();
	}

	@Test
	void theExportHoldsTheListedUnitsWithPhonesMasked() throws Exception {
		var township = newTownship("导出测试乡");
		var centreName = name("导出工作中心");
		var centre = create(centreName, "WORK_CENTRE", township, Map.of("phone", "13912345678"));
		create(name("导出工作室"), "WORK_STUDIO", township, Map.of("parentId", String.valueOf(centre), "phone", "0837-6621234"));
		var rows = rows(mvc.perform(get("/units/export").param("regionCode", township).param("sort", "name").with(as(STAFF)))
			.andReturn()
			.getResponse()
			.getContentAsByteArray());
		assertThat(rows.get(0)).containsExactly("单位名称", "类型", "所在区划", "代码", "统一社会信用代码", "地址", "负责人",
				"联系电话", "成立日期", "状态", "撤并日期", "上墙日期");
		assertThat(rows).hasSize(3);
		var byName = new LinkedHashMap<String, List<String>>();
		rows.subList(1, 3).forEach(row -> byName.put(row.get(1), row));
		assertThat(byName.get("石榴籽工作中心")).startsWith(centreName, "石榴籽工作中心", regionName(township), township, "", "测试路 1 号",
				"测试负责人", "139****5678", "2020-01-01", "在册");
		var landline = jdbc.queryForObject("select phone from campaign_unit where parent_id = ?", String.class, centre);
		assertThat(landline).contains("6621234");
		assertThat(byName.get("石榴籽工作室").get(7)).isEqualTo(Masking.phone(landline)).endsWith("1234").doesNotContain("6621");
	}

	@Test
	void theTreeOfATownshipShowsEachNodesMembersAndYuziyuan() throws Exception {
		var township = newTownship("网络测试乡");
		var centre = create(name("网络工作中心"), "WORK_CENTRE", township);
		var studio = create(name("网络工作室"), "WORK_STUDIO", township, Map.of("parentId", String.valueOf(centre)));
		var team = create(name("网络工作队"), "WORK_TEAM", township, Map.of("parentId", String.valueOf(studio)));
		join(studio, UnitFixtures.cadre(jdbc, name("育籽员"), township), "YUZIYUAN");
		join(team, UnitFixtures.cadre(jdbc, name("育籽员"), township), "YUZIYUAN");
		join(team, UnitFixtures.cadre(jdbc, name("队长"), township), "HEAD");

		var page = mvc.perform(get("/units/network").param("region", township).with(as(STAFF))).andReturn().getResponse();
		assertThat(page.getStatus()).isEqualTo(200);
		var body = page.getContentAsString();
		assertThat(textOf(body, "total-centres")).isEqualTo("1");
		assertThat(textOf(body, "total-studios")).isEqualTo("1");
		assertThat(textOf(body, "total-teams")).isEqualTo("1");
		assertThat(textOf(body, "total-members")).isEqualTo("3");
		assertThat(textOf(body, "total-yuziyuan")).isEqualTo("2");
		assertThat(countsOf(body, centre)).isEqualTo("成员 0 · 育籽员 0");
		assertThat(countsOf(body, studio)).isEqualTo("成员 1 · 育籽员 1");
		assertThat(countsOf(body, team)).isEqualTo("成员 2 · 育籽员 1");
		// The county's townships are offered; another county's are not.
		assertThat(body).contains("value=\"" + township + "\"").doesNotContain(OTHER_TOWNSHIP);
		// Another county's township is as missing as one that does not exist.
		var foreign = mvc.perform(get("/units/network").param("region", OTHER_TOWNSHIP).with(as(STAFF))).andReturn().getResponse();
		var missing = mvc.perform(get("/units/network").param("region", "513228987").with(as(STAFF))).andReturn().getResponse();
		assertThat(foreign.getStatus()).isEqualTo(404).isEqualTo(missing.getStatus());
	}

	@Test
	void aRefusedMemberKeepsTheSearchAndTheUnitPageListsTheHeadFirstAndItsHistoryInWords() throws Exception {
		var township = newTownship("成员测试乡");
		var centre = create(name("成员工作中心"), "WORK_CENTRE", township);
		var stem = name("搜索");
		var found = UnitFixtures.cadre(jdbc, stem + "泽仁", township);
		UnitFixtures.cadre(jdbc, name("未搜到"), township);

		var refused = mvc.perform(post("/units/" + centre + "/members").param("role", "HEAD")
			.param("joinedOn", "2024-01-01")
			.param("q", stem)
			.param("submission", SubmissionTokens.fresh().toString())
			.with(as(STAFF))
			.with(csrf())).andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(422);
		var form = refused.getContentAsString();
		assertThat(feedbackOf(form, "cadreId")).isEqualTo("请选择本人管辖范围内的干部。");
		assertThat(form).contains("name=\"q\" value=\"" + stem + "\"")
			.contains("<option value=\"" + found + "\">" + stem + "泽仁（测试单位）</option>")
			.doesNotContain("未搜到");

		join(centre, found, "HEAD");
		var yuziyuan = name("育籽员");
		join(centre, UnitFixtures.cadre(jdbc, yuziyuan, township), "YUZIYUAN");
		var page = mvc.perform(get("/units/" + centre).with(as(STAFF))).andReturn().getResponse().getContentAsString();
		var members = page.substring(page.indexOf("id=\"current-members\""), page.indexOf("</table>", page.indexOf("id=\"current-members\"")));
		assertThat(members.indexOf(stem + "泽仁")).as("the head before the 育籽员 who joined after").isLessThan(members.indexOf(yuziyuan));
		var history = page.substring(page.indexOf("id=\"history\""), page.indexOf("</ol>", page.indexOf("id=\"history\"")));
		assertThat(history).contains(stem + "泽仁 负责人 2024-01-01").contains(yuziyuan + " 育籽员 2024-01-01")
			.contains("（石榴籽工作中心，" + regionName(township) + "）")
			.doesNotContain(township).doesNotContain("HEAD").doesNotContain("YUZIYUAN").doesNotContain("WORK_CENTRE");
	}

	@Test
	void aWallPhotoMarksTheUnitDoneOnTheListsFilter() throws Exception {
		var township = newTownship("上墙测试乡");
		var unitName = name("上墙工作中心");
		var id = create(unitName, "WORK_CENTRE", township);
		assertThat(listed(township, "false")).contains(unitName);
		assertThat(listed(township, "true")).doesNotContain(unitName);

		var refused = mvc.perform(multipart("/units/" + id + "/photos")
			.file(new MockMultipartFile("photos", "墙.png", "image/png", "not a picture".getBytes()))
			.param("submission", UUID.randomUUID().toString())
			.with(as(STAFF))
			.with(csrf())).andReturn();
		assertThat(refused.getFlashMap().get("failureText")).isEqualTo("照片须为 JPEG 或 PNG。");
		assertThat(listed(township, "true")).doesNotContain(unitName);

		var stored = mvc.perform(multipart("/units/" + id + "/photos")
			.file(new MockMultipartFile("photos", "墙.png", "image/png", PNG))
			.param("submission", UUID.randomUUID().toString())
			.with(as(STAFF))
			.with(csrf())).andReturn().getResponse();
		assertThat(stored.getRedirectedUrl()).isEqualTo("/units/" + id + "#wall");
		assertThat(listed(township, "true")).contains(unitName);
		assertThat(listed(township, "false")).doesNotContain(unitName);
		var page = mvc.perform(get("/units/" + id).with(as(STAFF))).andReturn().getResponse().getContentAsString();
		assertThat(textOf(page, "wall-posted")).endsWith("日");
		var photo = jdbc.queryForObject("select id from stored_file where owner_kind = 'unit-wall' and owner_id = ?", Long.class, id);
		assertThat(page).contains("/files/" + photo);
		// The file answers as its unit does.
		assertThat(mvc.perform(get("/files/" + photo).with(as(STAFF))).andReturn().getResponse().getStatus()).isEqualTo(200);
		assertThat(mvc.perform(get("/files/" + photo).with(as(OTHER_STAFF))).andReturn().getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void eachChangeOfTheDutyStatementIsANewVersionAndTheNewestIsInForce() throws Exception {
		var id = create(name("规程测试工作室上级"), "WORK_CENTRE", COUNTY);
		var pdf = "%PDF-1.4\n%测试\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		for (var version : List.of("一", "二")) {
			var saved = mvc.perform(multipart("/units/" + id + "/duties")
				.file(new MockMultipartFile("document", "规程" + version + ".pdf", "application/pdf", pdf))
				.param("title", "工作规程（第" + version + "稿）")
				.param("body", "一、职责\n二、制度")
				.param("adoptedOn", "2024-05-01")
				.param("submission", UUID.randomUUID().toString())
				.with(as(STAFF))
				.with(csrf())).andReturn().getResponse();
			assertThat(saved.getRedirectedUrl()).isEqualTo("/units/" + id + "#duties");
		}
		var page = mvc.perform(get("/units/" + id).with(as(SUPERVISOR))).andReturn().getResponse().getContentAsString();
		var versions = Pattern.compile("<strong>(第 \\d 版 [^<]*)</strong>\\s*<span class=\"badge text-bg-success\">现行</span>")
			.matcher(page);
		assertThat(versions.find()).isTrue();
		assertThat(versions.group(1)).isEqualTo("第 2 版 工作规程（第二稿）");
		assertThat(page).contains("第 1 版 工作规程（第一稿）").contains("规程二.pdf").contains("规程一.pdf");
		var document = jdbc.queryForObject("""
				select f.id from stored_file f join unit_duty_statement d on d.id = f.owner_id
				where f.owner_kind = 'unit-duty' and d.unit_id = ? and d.version_no = 2""", Long.class, id);
		assertThat(page).contains("/files/" + document);
		assertThat(mvc.perform(get("/files/" + document).with(as(OTHER_STAFF))).andReturn().getResponse().getStatus())
			.isEqualTo(404);
	}

	/** Named = a live title whose last day has not passed; an expired one and a revoked one do not count. */
	@Test
	void theNamedFilterCountsOnlyLiveTitlesWithinTheirValidity() throws Exception {
		var township = newTownship("命名测试乡");
		var named = name("有效命名工作室上级");
		var lapsed = name("过期命名工作中心");
		var revoked = name("撤销命名工作中心");
		var none = name("未命名工作中心");
		title(create(named, "WORK_CENTRE", township), township, "VALID", "current_date + 30");
		title(create(lapsed, "WORK_CENTRE", township), township, "VALID", "current_date - 1");
		title(create(revoked, "WORK_CENTRE", township), township, "REVOKED", "current_date + 30");
		create(none, "WORK_CENTRE", township);
		var yes = mvc.perform(get("/units").param("regionCode", township).param("named", "true").with(as(STAFF)))
			.andReturn().getResponse().getContentAsString();
		assertThat(yes).contains(named).doesNotContain(lapsed).doesNotContain(revoked).doesNotContain(none);
		var no = mvc.perform(get("/units").param("regionCode", township).param("named", "false").with(as(STAFF)))
			.andReturn().getResponse().getContentAsString();
		assertThat(no).doesNotContain(named).contains(lapsed).contains(revoked).contains(none);
	}

	private void title(long unit, String region, String state, String validUntil) {
		jdbc.update(("""
				insert into naming (holder_kind, holder_region_code, unit_id, holder_name, title, level, issuer_region_code,
				                    state, applied_on, named_on, valid_until, verification_code, decision_number,
				                    revoked_on, revocation_number, revocation_reason, created_by)
				values ('UNIT', ?, ?, '测试', '民族团结进步示范单位', 'COUNTY', ?, ?, current_date - 400, current_date - 365,
				        %s, ?, '测试〔2024〕1号', %s, %s, %s, 'test')""").formatted(validUntil,
				state.equals("REVOKED") ? "current_date" : "null", state.equals("REVOKED") ? "'测试撤〔2024〕1号'" : "null",
				state.equals("REVOKED") ? "'测试'" : "null"), region, unit, COUNTY, state,
				("T" + UUID.randomUUID().toString().replace("-", "")).substring(0, 12).toUpperCase());
	}

	@Test
	void aUnitOfAnotherCountyAnswersExactlyAsAMissingOne() throws Exception {
		var otherUnit = createAs(OTHER_STAFF, name("小金测试机关"), "AGENCY", UnitFixtures.OTHER_COUNTY, Map.of());
		for (var path : List.of("/units/%d", "/units/%d/edit", "/units/%d/merge", "/units/%d/members/new", "/units/%d/duties/new")) {
			var ofForeign = mvc.perform(get(path.formatted(otherUnit)).with(as(STAFF))).andReturn().getResponse();
			var ofMissing = mvc.perform(get(path.formatted(987654321L)).with(as(STAFF))).andReturn().getResponse();
			assertThat(ofForeign.getStatus()).as(path).isEqualTo(404).isEqualTo(ofMissing.getStatus());
			assertThat(ofForeign.getContentAsString()).as(path).isEqualTo(ofMissing.getContentAsString());
			assertThat(ofForeign.getErrorMessage()).as(path).isEqualTo(ofMissing.getErrorMessage());
		}
		var merge = mvc.perform(post("/units/" + otherUnit + "/merge").param("version", "0").param("mergedOn", "2024-01-01")
			.param("reason", "越权").with(as(STAFF)).with(csrf())).andReturn().getResponse();
		assertThat(merge.getStatus()).isEqualTo(404);
		assertThat(jdbc.queryForObject("select state from campaign_unit where id = ?", String.class, otherUnit)).isEqualTo("ACTIVE");
		// Nor does the list show it, filtered by its region or not.
		assertThat(mvc.perform(get("/units").param("regionCode", UnitFixtures.OTHER_COUNTY).with(as(STAFF)))
			.andReturn().getResponse().getContentAsString()).doesNotContain("小金测试机关");
	}

	@Test
	void aSupervisorReadsButIsOfferedNoWritesAndATownshipSeesItsOwnTree() throws Exception {
		var id = create(name("督导查看机关"), "AGENCY", COUNTY);
		var page = mvc.perform(get("/units/" + id).with(as(SUPERVISOR))).andReturn().getResponse();
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).doesNotContain("id=\"edit-unit\"").doesNotContain("id=\"add-member\"");
		assertThat(mvc.perform(get("/units/" + id).with(as(STAFF))).andReturn().getResponse().getContentAsString())
			.contains("id=\"edit-unit\"").contains("id=\"add-member\"");
		var tree = mvc.perform(get("/units/network").with(as(TOWNSHIP_STAFF))).andReturn().getResponse().getContentAsString();
		assertThat(tree).contains("单位测试乡").doesNotContain("id=\"township-choice\"");
	}

	private String listed(String township, String wallPosted) throws Exception {
		return mvc.perform(get("/units").param("regionCode", township).param("wallPosted", wallPosted).with(as(STAFF)))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private void join(long unit, long cadre, String role) throws Exception {
		var response = mvc.perform(post("/units/" + unit + "/members").param("cadreId", String.valueOf(cadre))
			.param("role", role)
			.param("joinedOn", "2024-01-01")
			.param("submission", SubmissionTokens.fresh().toString())
			.with(as(STAFF))
			.with(csrf())).andReturn().getResponse();
		assertThat(response.getRedirectedUrl()).isEqualTo("/units/" + unit);
	}

	private String regionName(String code) {
		return jdbc.queryForObject("select name from region where code = ?", String.class, code);
	}

	private String newTownship(String stem) {
		return TestRegions.township(jdbc, COUNTY, stem);
	}

	private long create(String unitName, String kind, String region) throws Exception {
		return create(unitName, kind, region, Map.of());
	}

	private long create(String unitName, String kind, String region, Map<String, String> more) throws Exception {
		return createAs(STAFF, unitName, kind, region, more);
	}

	private long createAs(String username, String unitName, String kind, String region, Map<String, String> more)
			throws Exception {
		var form = fields(unitName, kind, region).with("submission", UUID.randomUUID().toString());
		more.forEach(form::with);
		var response = perform(post("/units"), form, username);
		assertThat(response.getRedirectedUrl()).as(response.getContentAsString()).matches("/units/\\d+");
		return Long.parseLong(response.getRedirectedUrl().substring("/units/".length()));
	}

	private MockHttpServletResponse submit(Fields fields) throws Exception {
		return perform(post("/units"), fields, STAFF);
	}

	private MockHttpServletResponse edit(long id, Fields fields) throws Exception {
		return perform(post("/units/" + id), fields, STAFF);
	}

	private MockHttpServletResponse perform(MockHttpServletRequestBuilder request, Fields fields, String username)
			throws Exception {
		fields.values.forEach(request::param);
		return mvc.perform(request.with(as(username)).with(csrf())).andReturn().getResponse();
	}

	private RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	private static Fields fields(String unitName, String kind, String region) {
		var fields = new Fields();
		fields.with("name", unitName).with("kind", kind).with("regionCode", region).with("address", "测试路 1 号")
			.with("personInCharge", "测试负责人").with("foundedOn", "2020-01-01").with("version", "0")
			.with("submission", UUID.randomUUID().toString());
		return fields;
	}

	/** The fields of a form as a browser sends them. */
	private static final class Fields {

		final Map<String, String> values = new LinkedHashMap<>();

		Fields with(String name, String value) {
			values.put(name, value);
			return this;
		}

	}

	private static String feedbackOf(String body, String field) {
		var block = Pattern.compile("(?s)id=\"" + field + "\".*?(?=<div class=\"mb-3\"|<button type=\"submit\")").matcher(body);
		assertThat(block.find()).as("the field " + field).isTrue();
		var feedback = Pattern.compile("<div class=\"invalid-feedback\">([^<]*)</div>").matcher(block.group());
		assertThat(feedback.find()).as("a message beside " + field).isTrue();
		return feedback.group(1).strip();
	}

	private static String textOf(String body, String id) {
		var matcher = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(body);
		assertThat(matcher.find()).as(id).isTrue();
		return matcher.group(1).strip();
	}

	/** The counts badge of a unit's node in the tree. */
	private static String countsOf(String body, long unit) {
		var matcher = Pattern.compile("(?s)data-unit=\"" + unit + "\".*?class=\"badge[^\"]*counts\">([^<]*)<").matcher(body);
		assertThat(matcher.find()).as("node " + unit).isTrue();
		return matcher.group(1).strip();
	}

	private static List<List<String>> rows(byte[] xlsx) throws Exception {
		var formatter = new DataFormatter();
		var rows = new ArrayList<List<String>>();
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(workbook.getSheetName(0)).isEqualTo("单位名录");
			for (Row row : workbook.getSheetAt(0)) {
				var values = new ArrayList<String>();
				for (Cell cell : row) {
					while (values.size() < cell.getColumnIndex()) {
						values.add("");
					}
					values.add(formatter.formatCellValue(cell));
				}
				rows.add(values);
			}
		}
		return rows;
	}

}
