package org.pomegranate.dataimport.kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The import pages as a user of one kind walks them, for the kinds' tests: the template filled
 * in with POI, the upload and its dry-run page, the commit followed to its end, the batch page and
 * the undo. Everything read from the pages a user reads.
 */
class ImportPages {

	private final MockMvc mvc;

	private final RequestPostProcessor user;

	private final String kind;

	ImportPages(MockMvc mvc, RequestPostProcessor user, String kind) {
		this.mvc = mvc;
		this.user = user;
		this.kind = kind;
	}

	/** The kind's template with {@code rows} filled in below the example row, in the template's column order. */
	byte[] filledTemplate(String sheetName, List<List<String>> rows) throws Exception {
		var template = mvc.perform(get("/imports/template").param("kind", kind).with(user)).andReturn().getResponse();
		assertThat(template.getStatus()).isEqualTo(200);
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(template.getContentAsByteArray()))) {
			assertThat(workbook.getSheetName(0)).isEqualTo(sheetName);
			assertThat(workbook.getSheetAt(2).getRow(0).getCell(0).getStringCellValue())
				.isEqualTo("pomegranate-import:" + kind + ":1");
			var sheet = workbook.getSheetAt(0);
			for (int i = 0; i < rows.size(); i++) {
				var row = sheet.createRow(2 + i);
				for (int c = 0; c < rows.get(i).size(); c++) {
					row.createCell(c).setCellValue(rows.get(i).get(c));
				}
			}
			var out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
	}

	/** The header row of the kind's template, as the user sees it. */
	List<String> headers() throws Exception {
		var template = mvc.perform(get("/imports/template").param("kind", kind).with(user)).andReturn().getResponse();
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(template.getContentAsByteArray()))) {
			var header = workbook.getSheetAt(0).getRow(0);
			var headers = new java.util.ArrayList<String>();
			header.forEach(cell -> headers.add(cell.getStringCellValue()));
			return headers;
		}
	}

	record Uploaded(String path, Document page) {

		long count(String outcome) {
			return Long.parseLong(page.select("#count-" + outcome + " td").text());
		}

		String errors() {
			return page.select("#errors").text();
		}

		String updates() {
			return page.select("#updates").text();
		}

	}

	Uploaded upload(String name, byte[] content) throws Exception {
		var response = mvc.perform(multipart("/imports/upload").file(new MockMultipartFile("file", name, null, content))
			.param("kind", kind)
			.with(user)
			.with(csrf())).andReturn().getResponse();
		var path = response.getRedirectedUrl();
		assertThat(path).as("upload of " + name + ": " + path).startsWith("/imports/draft");
		path = path.replaceAll("/mapping$", "");
		return new Uploaded(path, page(path));
	}

	Document page(String path) throws Exception {
		var response = mvc.perform(get(path).with(user)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return Jsoup.parse(response.getContentAsString());
	}

	/** Confirms the dry run with only its valid rows, then follows the batch's progress until it is done. */
	long commit(Uploaded dryRun) throws Exception {
		var id = dryRun.page().select("#commit-form input[name=draft]").val();
		var location = mvc
			.perform(post(dryRun.path() + "/commit").param("draft", id).param("mode", "VALID_ROWS").with(user).with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).matches("/imports/\\d+");
		for (int i = 0; i < 300; i++) {
			var progress = page(location + "/progress").select("#progress");
			if (!progress.attr("data-state").equals("RUNNING")) {
				assertThat(progress.attr("data-state")).isEqualTo("DONE");
				break;
			}
			Thread.sleep(100);
		}
		return Long.parseLong(location.substring("/imports/".length()));
	}

	/** The reasons the batch page lists against an undo; empty when it offers the undo. */
	String undoBlockers(long batch) throws Exception {
		var page = page("/imports/" + batch);
		var blockers = page.select("#undo-blockers").text();
		assertThat(page.select("#undo-form").isEmpty()).isEqualTo(!blockers.isEmpty());
		return blockers;
	}

	void undo(long batch) throws Exception {
		mvc.perform(post("/imports/" + batch + "/undo").with(user).with(csrf()));
	}

}
