package org.pomegranate.shared;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;

/**
 * Writes one list as a real .xlsx sheet, streaming (a few hundred rows in memory whatever the
 * list's length): a bold frozen header, dates and amounts as numbers with formats, text as text.
 * A text cell is never a formula, so a value beginning with {@code =}, {@code +}, {@code -} or
 * {@code @} cannot run in Excel or WPS.
 */
public final class Spreadsheet {

	private static final String FORMULA_STARTS = "=+-@";

	private Spreadsheet() {
	}

	/** Writes the header, then lets {@code rows} add each row through the given sink. */
	public static void write(OutputStream out, String sheetName, List<String> headers,
			Consumer<Consumer<List<@Nullable Object>>> rows) throws IOException {
		try (var workbook = new SXSSFWorkbook(200)) {
			SXSSFSheet sheet = workbook.createSheet(sheetName);
			var headerStyle = workbook.createCellStyle();
			var bold = workbook.createFont();
			bold.setBold(true);
			headerStyle.setFont(bold);
			headerStyle.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			headerStyle.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			headerStyle.setBorderBottom(BorderStyle.THIN);
			CellStyle dateStyle = workbook.createCellStyle();
			dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
			CellStyle textStyle = textStyle(workbook);
			CellStyle moneyStyle = workbook.createCellStyle();
			moneyStyle.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));

			var header = sheet.createRow(0);
			for (int column = 0; column < headers.size(); column++) {
				var cell = header.createCell(column);
				cell.setCellValue(headers.get(column));
				cell.setCellStyle(headerStyle);
				sheet.setColumnWidth(column, Math.max(10, headers.get(column).length() * 2 + 4) * 256);
			}
			sheet.createFreezePane(0, 1);
			int[] next = { 1 };
			try {
				rows.accept(values -> {
					var row = sheet.createRow(next[0]++);
					for (int column = 0; column < values.size(); column++) {
						var value = values.get(column);
						var cell = row.createCell(column);
						if (value == null) {
							continue;
						}
						if (value instanceof LocalDate date) {
							cell.setCellValue(date);
							cell.setCellStyle(dateStyle);
						}
						else if (value instanceof BigDecimal amount) {
							cell.setCellValue(amount.doubleValue());
							cell.setCellStyle(moneyStyle);
						}
						else if (value instanceof Number number) {
							cell.setCellValue(number.doubleValue());
						}
						else {
							text(cell, value.toString(), textStyle);
						}
					}
				});
			}
			catch (RuntimeException ex) {
				// Rows still in memory would be flushed into the closed temporary file on close: a logged stack trace.
				sheet.flushRows();
				throw ex;
			}
			workbook.write(out);
		}
	}

	/**
	 * Writes a text cell. A text cell is never a formula; one that begins like a formula
	 * ({@code =}, {@code +}, {@code -}, {@code @}) also gets {@code quoted}, so that editing it in
	 * Excel or WPS keeps it text.
	 */
	public static void text(Cell cell, String value, CellStyle quoted) {
		cell.setCellValue(value);
		if (!value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0) {
			cell.setCellStyle(quoted);
		}
	}

	/** The style for {@link #text}: text format, quote-prefixed. */
	public static CellStyle textStyle(Workbook workbook) {
		var style = workbook.createCellStyle();
		style.setDataFormat(workbook.createDataFormat().getFormat("@"));
		style.setQuotePrefixed(true);
		return style;
	}

}
