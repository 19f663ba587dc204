package org.pomegranate.files.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.pomegranate.files.FileType;

/**
 * Types judged by the bytes alone: each type the store knows from its magic number, office files
 * from their part names, and nothing from a name, an HTML page or a bare magic number.
 */
class ContentSnifferTests {

	static final byte[] JPEG = Arrays.copyOf(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 }, 64);

	static final byte[] PNG = Arrays.copyOf(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A }, 64);

	static final byte[] PDF = "%PDF-1.7\n1 0 obj<</OpenAction<</S/JavaScript/JS(app.alert(1))>>>>endobj\n"
		.getBytes(StandardCharsets.ISO_8859_1);

	static final byte[] MP4 = Arrays.copyOf(new byte[] { 0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm' }, 64);

	@Test
	void imagesDocumentsAndVideosAreKnownByTheirMagicNumbers() {
		assertThat(sniff(JPEG)).isEqualTo(FileType.JPEG);
		assertThat(sniff(PNG)).isEqualTo(FileType.PNG);
		assertThat(sniff(PDF)).isEqualTo(FileType.PDF);
		assertThat(sniff(MP4)).isEqualTo(FileType.MP4);
	}

	@Test
	void officeFilesAreToldApartByTheirParts() throws Exception {
		var workbook = new ByteArrayOutputStream();
		try (var xlsx = new XSSFWorkbook()) {
			xlsx.createSheet("汇总").createRow(0).createCell(0).setCellValue("收集");
			xlsx.write(workbook);
		}
		var document = new ByteArrayOutputStream();
		try (var docx = new XWPFDocument()) {
			docx.createParagraph().createRun().setText("工作情况汇报");
			docx.write(document);
		}
		assertThat(sniff(workbook.toByteArray())).isEqualTo(FileType.XLSX);
		assertThat(sniff(document.toByteArray())).isEqualTo(FileType.DOCX);
	}

	@Test
	void anythingElseIsNothingTheStoreKnows() {
		assertThat(ContentSniffer.sniff(new byte[0], 0)).isEmpty();
		assertThat(ContentSniffer.sniff("GIF89a......".getBytes(StandardCharsets.US_ASCII), 12)).isEmpty();
		var html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.US_ASCII);
		assertThat(ContentSniffer.sniff(html, html.length)).isEmpty();
		// The magic alone is not a file; nor is a ZIP that is not an office file.
		assertThat(ContentSniffer.sniff(Arrays.copyOf(PNG, 8), 8)).isEmpty();
		var zip = Arrays.copyOf(new byte[] { 'P', 'K', 3, 4 }, 64);
		assertThat(ContentSniffer.sniff(zip, zip.length)).isEmpty();
		// Only the bytes read count, not what lies in the buffer past them.
		assertThat(ContentSniffer.sniff(JPEG, 2)).isEmpty();
	}

	private static FileType sniff(byte[] content) {
		return ContentSniffer.sniff(content, content.length).orElseThrow();
	}

}
