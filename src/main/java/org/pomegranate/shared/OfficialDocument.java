package org.pomegranate.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;

/**
 * A .docx laid out as an official document (公文, GB/T 9704), so that every report the system
 * writes looks the same: A4, margins 37/35/28/26 mm, title in 小标宋 (黑体 where it is missing),
 * headings in 黑体, body in 仿宋_GB2312 (仿宋 where it is missing) at 三号 (16 pt) on a fixed 28-pt
 * line, first lines indented by two characters; tables in 仿宋 at 四号 on a single line. Write
 * it top to bottom, then take {@link #bytes()}.
 */
public final class OfficialDocument implements AutoCloseable {

	/** Twips per millimetre (1 inch = 25.4 mm = 1440 twips). */
	private static final double TWIPS_PER_MM = 1440 / 25.4;

	public static final int BODY_POINTS = 16;

	private static final int TABLE_POINTS = 12;

	public static final String BODY_FONT = "仿宋_GB2312";

	public static final String BODY_FALLBACK = "仿宋";

	public static final String TITLE_FONT = "方正小标宋简体";

	public static final String HEADING_FONT = "黑体";

	/** Two characters of 三号, the first-line indent of body paragraphs. */
	private static final int INDENT = 640;

	private final XWPFDocument document = new XWPFDocument();

	public OfficialDocument() {
		page();
	}

	/** The title, centred, in 小标宋 二号. */
	public OfficialDocument title(String text) {
		var title = paragraph(ParagraphAlignment.CENTER, 0);
		run(title, text, TITLE_FONT, HEADING_FONT, 22, false);
		return this;
	}

	/** A first-level heading (一、…) in 黑体. */
	public OfficialDocument heading(String text) {
		var heading = paragraph(ParagraphAlignment.LEFT, INDENT);
		run(heading, text, HEADING_FONT, HEADING_FONT, BODY_POINTS, false);
		return this;
	}

	/** A second-level heading ((一)…) in 楷体 where present, bold 仿宋 otherwise. */
	public OfficialDocument subheading(String text) {
		var heading = paragraph(ParagraphAlignment.LEFT, INDENT);
		run(heading, text, "楷体_GB2312", BODY_FALLBACK, BODY_POINTS, true);
		return this;
	}

	/** A body paragraph, justified, its first line indented. */
	public OfficialDocument body(String text) {
		var body = paragraph(ParagraphAlignment.BOTH, INDENT);
		run(body, text, BODY_FONT, BODY_FALLBACK, BODY_POINTS, false);
		return this;
	}

	/** A line set right, as the sender and the date; {@code gapBefore} leaves room above it. */
	public OfficialDocument right(String text, boolean gapBefore) {
		var line = paragraph(ParagraphAlignment.RIGHT, 0);
		if (gapBefore) {
			line.setSpacingBefore(560);
		}
		run(line, text, BODY_FONT, BODY_FALLBACK, BODY_POINTS, false);
		return this;
	}

	/** The date as official documents write it: 2026年5月1日. */
	public static String date(java.time.LocalDate on) {
		return on.getYear() + "年" + on.getMonthValue() + "月" + on.getDayOfMonth() + "日";
	}

	/** A table with a bold header row; every row as many cells as the header. */
	public XWPFTable table(List<String> headers, List<List<String>> rows) {
		var table = document.createTable(rows.size() + 1, headers.size());
		table.setWidth("100%");
		for (int column = 0; column < headers.size(); column++) {
			cell(table, 0, column, headers.get(column), true);
		}
		for (int row = 0; row < rows.size(); row++) {
			var values = rows.get(row);
			for (int column = 0; column < headers.size(); column++) {
				cell(table, row + 1, column, column < values.size() ? values.get(column) : "", false);
			}
		}
		// An empty paragraph after the table, so that the next one does not stick to it.
		document.createParagraph();
		return table;
	}

	private void cell(XWPFTable table, int row, int column, String text, boolean bold) {
		var cell = table.getRow(row).getCell(column);
		var paragraph = cell.getParagraphs().isEmpty() ? cell.addParagraph() : cell.getParagraphs().get(0);
		run(paragraph, text, BODY_FONT, BODY_FALLBACK, TABLE_POINTS, bold);
	}

	/** The document written out. */
	public byte[] bytes() {
		try {
			var out = new ByteArrayOutputStream();
			document.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try {
			document.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void page() {
		var section = document.getDocument().getBody().addNewSectPr();
		var size = section.addNewPgSz();
		size.setW(BigInteger.valueOf(11906));
		size.setH(BigInteger.valueOf(16838));
		size.setOrient(STPageOrientation.PORTRAIT);
		var margins = section.addNewPgMar();
		margins.setTop(twips(37));
		margins.setBottom(twips(35));
		margins.setLeft(twips(28));
		margins.setRight(twips(26));
		margins.setHeader(twips(15));
		margins.setFooter(twips(28));
	}

	private static BigInteger twips(int millimetres) {
		return BigInteger.valueOf(Math.round(millimetres * TWIPS_PER_MM));
	}

	/** A paragraph on the fixed 28-pt line of official documents, first line indented by {@code indent} twips. */
	private XWPFParagraph paragraph(ParagraphAlignment alignment, int indent) {
		var paragraph = document.createParagraph();
		paragraph.setAlignment(alignment);
		if (indent > 0) {
			paragraph.setIndentationFirstLine(indent);
		}
		var spacing = paragraph.getCTPPr().isSetSpacing() ? paragraph.getCTPPr().getSpacing()
				: paragraph.getCTPPr().addNewSpacing();
		spacing.setLine(BigInteger.valueOf(560));
		spacing.setLineRule(STLineSpacingRule.EXACT);
		return paragraph;
	}

	/** Chinese text in {@code eastAsia}; Latin letters and digits in {@code latin}, which every Chinese Windows and WPS has. */
	private static XWPFRun run(XWPFParagraph paragraph, String text, String eastAsia, String latin, int points,
			boolean bold) {
		var run = paragraph.createRun();
		run.setText(text);
		run.setFontSize(points);
		run.setBold(bold);
		var properties = run.getCTR().isSetRPr() ? run.getCTR().getRPr() : run.getCTR().addNewRPr();
		CTFonts fonts = properties.sizeOfRFontsArray() > 0 ? properties.getRFontsArray(0) : properties.addNewRFonts();
		fonts.setEastAsia(eastAsia);
		fonts.setAscii(latin);
		fonts.setHAnsi(latin);
		fonts.setCs(latin);
		return run;
	}

}
