package org.pomegranate.dataimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.shared.IdNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The household import as staff use it, through the pages: the template filled in with POI,
 * uploaded, read back from the dry-run page, committed, the households compared with the sheet,
 * the same file again, undo and a blocked undo, every bad input of the issue, and the returned
 * workbook read back with POI.
 */
@IntegrationTest
class ImportTests {

	private static final AtomicInteger SERIAL = new AtomicInteger(100);

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	private RequestPostProcessor staff() {
		return user(users.loadUserByUsername("kd_staff"));
	}

	/** A valid ID number nobody holds yet, born 1980 in 康定. */
	private static String idNumber() {
		var first17 = "513301198001" + "0" + (1 + SERIAL.get() % 9) + String.format("%03d", SERIAL.getAndIncrement() % 1000);
		return IdNumber.withCheckCharacter(first17.substring(0, 17));
	}

	private List<String> villages(String county) {
		return jdbc.queryForList("select code from region where level = 'VILLAGE' and retired_at is null and code like ? order by code limit 3",
				String.class, county + "%");
	}

	@Test
	void theTemplateFilledInBecomesTheHouseholdsOfTheSheetAndTheSameFileTwiceChangesNothingAndUndoTakesThemBack() throws Exception {
		var template = mvc.perform(get("/imports/template").param("kind", "households").with(staff())).andReturn().getResponse();
		assertThat(template.getStatus()).isEqualTo(200);
		var village = villages("513301").get(0);
		byte[] filled;
		var ids = List.of(idNumber(), idNumber(), idNumber());
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(template.getContentAsByteArray()))) {
			assertThat(workbook.getSheetName(0)).isEqualTo("家庭");
			assertThat(workbook.getSheetName(1)).isEqualTo("填写说明");
			assertThat(workbook.isSheetHidden(2)).isTrue();
			assertThat(workbook.getSheetAt(2).getRow(0).getCell(0).getStringCellValue()).isEqualTo("pomegranate-import:households:1");
			var sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("户主姓名*");
			assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("联系电话");
			assertThat(sheet.getColumnStyle(1).getDataFormatString()).isEqualTo("@");
			assertThat(sheet.getDataValidations()).isNotEmpty();
			for (int i = 0; i < 3; i++) {
				var row = sheet.createRow(2 + i);
				String[] values = { "导入户" + i, ids.get(i), "藏族", "1380000000" + i, village, "康定某地" + i, String.valueOf(2 + i),
						i == 0 ? "脱贫户、监测对象" : "", "" };
				for (int c = 0; c < values.length; c++) {
					row.createCell(c).setCellValue(values[c]);
				}
			}
			filled = bytes(workbook);
		}
		var dryRun = upload("户.xlsx", filled);
		assertThat(count(dryRun.page, "NEW")).isEqualTo(3);
		assertThat(count(dryRun.page, "ERROR")).isZero();
		assertThat(dryRun.page.select("#notices").text()).contains("示例行已忽略");

		long batch = commit(dryRun.path);
		var stored = jdbc.queryForList("""
				select head_name, ethnicity, phone, region_code, address, member_count, categories, import_batch_id
				from household where id_number in (?, ?, ?) order by head_name""", ids.get(0), ids.get(1), ids.get(2));
		assertThat(stored).hasSize(3);
		for (int i = 0; i < 3; i++) {
			var row = stored.get(i);
			assertThat(row.get("head_name")).isEqualTo("导入户" + i);
			assertThat(row.get("ethnicity"))
				.isEqualTo(jdbc.queryForObject("select code from ethnic_group where name = '藏族'", String.class));
			assertThat(row.get("phone")).isEqualTo("1380000000" + i);
			assertThat(row.get("region_code")).isEqualTo(village);
			assertThat(row.get("address")).isEqualTo("康定某地" + i);
			assertThat(row.get("member_count")).isEqualTo(2 + i);
			assertThat(((Number) row.get("import_batch_id")).longValue()).isEqualTo(batch);
		}
		assertThat(stored.get(0).get("categories")).isEqualTo((1 << 1) | (1 << 2));

		var again = upload("户.xlsx", filled);
		assertThat(again.page.select("#imported-before").text()).contains("已于");
		assertThat(count(again.page, "UNCHANGED")).isEqualTo(3);
		assertThat(count(again.page, "NEW")).isZero();

		mvc.perform(post("/imports/" + batch + "/undo").with(staff()).with(csrf()));
		assertThat(jdbc.queryForObject("select count(*) from household where id_number in (?, ?, ?)", Long.class, ids.get(0),
				ids.get(1), ids.get(2))).isZero();
		assertThat(jdbc.queryForObject("select state from import_batch where id = ?", String.class, batch)).isEqualTo("UNDONE");
	}

	@Test
	void anUpdateIsShownFieldByFieldRestoredByUndoAndAnUndoIsBlockedByALaterEdit() throws Exception {
		var village = villages("513301").get(0);
		var id = idNumber();
		var first = upload("a.csv", ("户主姓名,户主身份证号,民族,村（社区）,家庭人口\n甲户," + id + ",汉族," + village + ",3\n")
			.getBytes(StandardCharsets.UTF_8));
		commit(first.path);
		var second = upload("b.csv", ("户主姓名,户主身份证号,民族,村（社区）,家庭人口\n甲户," + id + ",汉族," + village + ",5\n")
			.getBytes(StandardCharsets.UTF_8));
		assertThat(count(second.page, "UPDATE")).isEqualTo(1);
		assertThat(second.page.select("#updates").text()).contains("家庭人口：3 → 5");
		long update = commit(second.path);
		assertThat(jdbc.queryForObject("select member_count from household where id_number = ?", Integer.class, id)).isEqualTo(5);

		mvc.perform(post("/imports/" + update + "/undo").with(staff()).with(csrf()));
		assertThat(jdbc.queryForObject("select member_count from household where id_number = ?", Integer.class, id)).isEqualTo(3);

		var third = upload("c.csv", ("户主姓名,户主身份证号,民族,村（社区）,家庭人口\n甲户," + id + ",汉族," + village + ",6\n")
			.getBytes(StandardCharsets.UTF_8));
		long blocked = commit(third.path);
		jdbc.update("update household set notes = '后来改的', version = version + 1 where id_number = ?", id);
		var page = page(get("/imports/" + blocked));
		assertThat(page.select("#undo-blockers").text()).contains("甲户", "导入后已被修改");
		assertThat(page.select("#undo-form")).isEmpty();
		mvc.perform(post("/imports/" + blocked + "/undo").with(staff()).with(csrf()));
		assertThat(jdbc.queryForObject("select member_count from household where id_number = ?", Integer.class, id)).isEqualTo(6);
	}

	@Test
	void everyBadRowIsRefusedWithItsMessageAndTheReturnedWorkbookMarksItsCells() throws Exception {
		var own = villages("513301");
		var luding = villages("513322").get(0);
		var duplicate = idNumber();
		var spaced = idNumber();
		byte[] sheetBytes;
		try (var workbook = new XSSFWorkbook()) {
			var sheet = workbook.createSheet("我们的台账");
			String[] header = { "姓名", "身份证号码", "民族", "村", "人口" };
			var h = sheet.createRow(0);
			for (int c = 0; c < header.length; c++) {
				h.createCell(c).setCellValue(header[c]);
			}
			var sci = sheet.createRow(1);
			sci.createCell(0).setCellValue("科学户");
			sci.createCell(1).setCellValue(5.13301E+17);
			sci.createCell(2).setCellValue("藏族");
			sci.createCell(3).setCellValue(own.get(0));
			sci.createCell(4).setCellValue(3);
			row(sheet.createRow(2), "外县户", idNumber(), "藏族", luding, "3");
			row(sheet.createRow(3), "重复户", duplicate, "藏族", own.get(0), "3");
			row(sheet.createRow(4), "重复户", duplicate, "藏族", own.get(0), "3");
			// Full-width digits and trailing spaces: cleaned, a valid row.
			var fullWidth = new StringBuilder();
			spaced.chars().forEach(c -> fullWidth.append(Character.isDigit(c) ? (char) (c - '0' + '０') : (char) c));
			row(sheet.createRow(5), "全角户 ", fullWidth + "  ", "藏族", own.get(0) + " ", "３");
			var hidden = sheet.createRow(6);
			row(hidden, "隐藏户", idNumber(), "藏族", own.get(0), "3");
			hidden.setZeroHeight(true);
			row(sheet.createRow(7), "合并户", idNumber(), "藏族", own.get(0), "3");
			row(sheet.createRow(8), "", "", "", "", "");
			sheet.createRow(9).createCell(2).setCellValue("藏族");
			sheet.getRow(9).createCell(0).setCellValue("合并户二");
			sheet.getRow(9).createCell(1).setCellValue(idNumber());
			sheet.getRow(9).createCell(3).setCellValue(own.get(0));
			sheet.getRow(9).createCell(4).setCellFormula("1+2");
			sheet.addMergedRegion(new CellRangeAddress(7, 8, 2, 2));
			workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
			workbook.createSheet("隐藏表");
			workbook.setSheetHidden(1, true);
			sheetBytes = bytes(workbook);
		}
		var dryRun = upload("台账.xlsx", sheetBytes);
		var errors = dryRun.page.select("#errors").text();
		assertThat(errors).contains("身份证号被 Excel 转成了科学计数法，请把该列设为文本后重新填写");
		assertThat(errors).contains("与第 4 行重复");
		assertThat(errors).contains("合并单元格");
		assertThat(dryRun.page.select("#notices").text()).contains("隐藏的工作表“隐藏表”未导入", "1 个隐藏行未导入", "含公式");
		assertThat(count(dryRun.page, "NEW")).isEqualTo(3);
		assertThat(count(dryRun.page, "ERROR")).isEqualTo(4);
		assertThat(dryRun.page.select("#errors tr").text()).contains("3 村（社区）");

		var returned = mvc.perform(get(dryRun.path + "/returned").with(staff())).andReturn().getResponse().getContentAsByteArray();
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(returned))) {
			var sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(5).getStringCellValue()).isEqualTo("错误说明");
			var bad = sheet.getRow(1).getCell(1);
			assertThat(bad.getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
			assertThat(bad.getCellStyle().getFillForegroundColor()).isEqualTo(IndexedColors.RED.getIndex());
			assertThat(bad.getCellComment().getString().getString()).contains("科学计数法");
			assertThat(sheet.getRow(1).getCell(5).getStringCellValue()).startsWith("户主身份证号：");
			assertThat(sheet.getRow(2).getCell(5).getStringCellValue()).startsWith("村（社区）：");
			assertThat(workbook.getSheet("导入结果")).isNotNull();
		}
		assertThat(jdbc.queryForObject("select count(*) from household where id_number = ?", Long.class, duplicate)).isZero();

		long batch = commit(dryRun.path);
		assertThat(jdbc.queryForObject("select head_name from household where id_number = ?", String.class, spaced))
			.isEqualTo("全角户");
		var kept = jdbc.queryForObject("select returned_file_id from import_batch where id = ?", Long.class, batch);
		var copy = mvc.perform(get("/files/" + kept).with(staff())).andReturn().getResponse().getContentAsByteArray();
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(copy))) {
			assertThat(workbook.getSheetAt(0).getRow(3).getCell(1).getStringCellValue()).matches("513301\\*{8}[0-9X]{4}");
		}
		var luding_staff = user(users.loadUserByUsername("ld_staff"));
		assertThat(mvc.perform(get("/imports/" + batch).with(luding_staff)).andReturn().getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void filesThatAreNoLedgerAreRefusedWithTheirReasonAndCsvIsReadInEveryEncoding() throws Exception {
		assertThat(refusal("old.xls", new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0 }))
			.contains("请另存为 .xlsx");
		assertThat(refusal("macro.xlsm", xlsxWith(Map.of()))).contains(".xlsm");
		assertThat(refusal("bomb.xlsx", xlsxWith(Map.of("xl/worksheets/sheet1.xml", bomb())))).contains("压缩炸弹");
		assertThat(refusal("entities.xlsx", xlsxWith(Map.of("xl/worksheets/sheet1.xml", ("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\">"
				+ "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
				+ "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&b;</t></is></c></row></sheetData></worksheet>")
			.getBytes(StandardCharsets.UTF_8))))).containsAnyOf("XML", "压缩炸弹");

		var village = villages("513301").get(0);
		var text = "户主姓名;户主身份证号;民族;村（社区）;家庭人口\n格桑;" + idNumber() + ";藏族;" + village + ";2\n";
		var gbk = upload("gbk.csv", text.getBytes(Charset.forName("GB18030")));
		assertThat(count(gbk.page, "NEW")).isEqualTo(1);
		var bom = new ByteArrayOutputStream();
		bom.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
		bom.write(text.replace(';', '\t').getBytes(StandardCharsets.UTF_8));
		var utf8 = upload("bom.csv", bom.toByteArray());
		assertThat(count(utf8.page, "NEW")).isEqualTo(1);

		var formatted = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
		formatted.append("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>户主姓名</t></is></c></row>");
		for (int r = 2; r <= 1_048_576; r++) {
			formatted.append("<row r=\"").append(r).append("\" s=\"1\" customFormat=\"1\"/>");
		}
		formatted.append("</sheetData></worksheet>");
		var empty = upload("formatted.xlsx", xlsxWith(Map.of("xl/worksheets/sheet1.xml", formatted.toString().getBytes(StandardCharsets.UTF_8))));
		assertThat(count(empty.page, "NEW")).isZero();
	}

	private static void row(org.apache.poi.ss.usermodel.Row row, String... values) {
		for (int c = 0; c < values.length; c++) {
			row.createCell(c).setCellValue(values[c]);
		}
	}

	private static byte[] bytes(XSSFWorkbook workbook) throws Exception {
		var out = new ByteArrayOutputStream();
		workbook.write(out);
		return out.toByteArray();
	}

	/** A real small workbook with some of its parts replaced (a bomb, a DOCTYPE …), or a macro part added. */
	private static byte[] xlsxWith(Map<String, byte[]> replaced) throws Exception {
		byte[] plain;
		try (var workbook = new XSSFWorkbook()) {
			workbook.createSheet("表").createRow(0).createCell(0).setCellValue("户主姓名");
			plain = bytes(workbook);
		}
		var out = new ByteArrayOutputStream();
		try (var in = new ZipInputStream(new ByteArrayInputStream(plain)); var zip = new ZipOutputStream(out)) {
			for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				zip.putNextEntry(new ZipEntry(entry.getName()));
				zip.write(replaced.getOrDefault(entry.getName(), in.readAllBytes()));
			}
		}
		return out.toByteArray();
	}

	private static byte[] bomb() {
		var xml = new StringBuilder("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
		xml.append(" ".repeat(30 * 1024 * 1024));
		xml.append("</sheetData></worksheet>");
		return xml.toString().getBytes(StandardCharsets.UTF_8);
	}

	private String refusal(String name, byte[] content) throws Exception {
		var response = mvc.perform(multipart("/imports/upload").file(new MockMultipartFile("file", name, null, content))
			.param("kind", "households")
			.with(staff())
			.with(csrf())).andReturn();
		assertThat(response.getResponse().getRedirectedUrl()).isEqualTo("/imports");
		return String.valueOf(response.getFlashMap().get("error"));
	}

	private record Uploaded(String path, Document page) {
	}

	private Uploaded upload(String name, byte[] content) throws Exception {
		var response = mvc.perform(multipart("/imports/upload").file(new MockMultipartFile("file", name, null, content))
			.param("kind", "households")
			.with(staff())
			.with(csrf())).andReturn().getResponse();
		var path = response.getRedirectedUrl();
		assertThat(path).as("upload of " + name + ": " + path).startsWith("/imports/draft");
		path = path.replaceAll("/mapping$", "");
		return new Uploaded(path, page(get(path)));
	}

	private Document page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
		var response = mvc.perform(request.with(staff())).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return Jsoup.parse(response.getContentAsString());
	}

	private static long count(Document page, String outcome) {
		return Long.parseLong(page.select("#count-" + outcome + " td").text());
	}

	/** Confirms, then follows the batch page until its progress says done. */
	private long commit(String draft) throws Exception {
		var id = page(get(draft)).select("#commit-form input[name=draft]").val();
		var location = mvc.perform(post(draft + "/commit").param("draft", id).param("mode", "VALID_ROWS").with(staff()).with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).matches("/imports/\\d+");
		var twice = mvc.perform(post(draft + "/commit").param("draft", id).param("mode", "VALID_ROWS").with(staff()).with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(twice.getRedirectedUrl()).as("a second click makes no second batch").isEqualTo("/imports");
		for (int i = 0; i < 200; i++) {
			var progress = page(get(location + "/progress"));
			if (!progress.select("#progress").attr("data-state").equals("RUNNING")) {
				assertThat(progress.select("#progress").attr("data-state")).isEqualTo("DONE");
				assertThat(progress.select(".progress-bar").text()).isEqualTo("100%");
				break;
			}
			Thread.sleep(100);
		}
		return Long.parseLong(location.substring("/imports/".length()));
	}

}
