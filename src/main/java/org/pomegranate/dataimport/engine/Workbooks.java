package org.pomegranate.dataimport.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.pomegranate.dataimport.ImportColumn;
import org.pomegranate.dataimport.ImportColumn.ColumnType;
import org.pomegranate.dataimport.ImportKind;
import org.pomegranate.shared.Masking;

/**
 * The two workbooks an import writes: the template of a kind (data sheet with the header, required
 * columns marked, an example row, drop-down lists from a hidden dictionary sheet, ID numbers as
 * text; an instructions sheet; the template version in the dictionary's A1) and the returned
 * workbook (the user's rows back with a 错误说明 column, bad cells red with a comment, and a
 * summary sheet), streamed row by row.
 */
public final class Workbooks {

	public static final String ERROR_COLUMN = "错误说明";

	public static final String SUMMARY_SHEET = "导入结果";

	private Workbooks() {
	}

	public static String templateVersion(ImportKind kind) {
		return "pomegranate-import:" + kind.name() + ":1";
	}

	public static void template(ImportKind kind, String sheetName, List<String> instructions, OutputStream out)
			throws IOException {
		try (var workbook = new XSSFWorkbook()) {
			var data = workbook.createSheet(sheetName);
			workbook.createSheet("填写说明");
			var dictionary = workbook.createSheet(SheetReader.DICTIONARY_SHEET);
			var text = workbook.createCellStyle();
			text.setDataFormat(workbook.createDataFormat().getFormat("@"));
			var headerStyle = headerStyle(workbook);
			var header = data.createRow(0);
			var example = data.createRow(1);
			var columns = kind.columns();
			dictionary.createRow(0).createCell(0).setCellValue(templateVersion(kind));
			int dictionaryColumn = 1;
			for (int c = 0; c < columns.size(); c++) {
				var column = columns.get(c);
				var cell = header.createCell(c);
				cell.setCellValue(column.header() + (column.required() ? "*" : ""));
				cell.setCellStyle(headerStyle);
				var value = kind.example().getOrDefault(column.field(), "");
				var exampleCell = example.createCell(c);
				exampleCell.setCellValue(value);
				if (column.type() == ColumnType.ID_NUMBER || column.type() == ColumnType.PHONE) {
					data.setDefaultColumnStyle(c, text);
					exampleCell.setCellStyle(text);
				}
				data.setColumnWidth(c, Math.max(12, column.header().length() * 2 + 4) * 256);
				if (!column.dictionary().isEmpty()) {
					var names = column.dictionary().entrySet().stream()
						.map(e -> column.type() == ColumnType.REGION ? e.getValue() + " " + e.getKey() : e.getValue())
						.toList();
					for (int r = 0; r < names.size(); r++) {
						var row = dictionary.getRow(r + 1) == null ? dictionary.createRow(r + 1) : dictionary.getRow(r + 1);
						row.createCell(dictionaryColumn).setCellValue(names.get(r));
					}
					if (column.type() != ColumnType.ENUM_LIST) {
						var letter = org.apache.poi.ss.util.CellReference.convertNumToColString(dictionaryColumn);
						var helper = data.getDataValidationHelper();
						var constraint = helper.createFormulaListConstraint(
								"'" + SheetReader.DICTIONARY_SHEET + "'!$" + letter + "$2:$" + letter + "$" + (names.size() + 1));
						var validation = helper.createValidation(constraint, new CellRangeAddressList(1, 10_000, c, c));
						validation.setErrorStyle(DataValidation.ErrorStyle.WARNING);
						validation.setShowErrorBox(true);
						data.addValidationData(validation);
					}
					dictionaryColumn++;
				}
			}
			var help = workbook.getSheet("填写说明");
			for (int i = 0; i < instructions.size(); i++) {
				help.createRow(i).createCell(0).setCellValue(instructions.get(i));
			}
			help.setColumnWidth(0, 100 * 256);
			workbook.setSheetVisibility(2, SheetVisibility.HIDDEN);
			workbook.write(out);
		}
	}

	/**
	 * The returned workbook. With {@code masked} (the copy the server keeps) ID numbers and phones
	 * are masked; without, they stay as the user typed them: it is their own file.
	 */
	public static void returned(DryRun dryRun, List<ImportColumn> columns, Map<String, String> summary,
			Function<String, String> fieldLabel, boolean masked, OutputStream out) throws IOException {
		var workbook = new SXSSFWorkbook(200);
		try {
			var sheet = workbook.createSheet(dryRun.sheet().sheetName());
			var red = workbook.createCellStyle();
			red.setFillForegroundColor(IndexedColors.RED.getIndex());
			red.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			var header = sheet.createRow(0);
			var sheetHeader = dryRun.sheet().header();
			int errorColumn = Math.max(sheetHeader.size(), maxColumn(dryRun) + 1);
			for (int c = 0; c < sheetHeader.size(); c++) {
				header.createCell(c).setCellValue(sheetHeader.get(c));
			}
			header.createCell(errorColumn).setCellValue(ERROR_COLUMN);
			var fieldOfColumn = new HashMap<Integer, ImportColumn>();
			for (var column : columns) {
				var index = dryRun.mapping().get(column.field());
				if (index != null) {
					fieldOfColumn.put(index, column);
				}
			}
			var drawing = sheet.createDrawingPatriarch();
			var factory = workbook.getCreationHelper();
			var sheetRows = dryRun.sheet().rows();
			int out_ = 1;
			for (int i = 0; i < sheetRows.size(); i++) {
				var source = sheetRows.get(i);
				var result = dryRun.rows().get(i);
				var row = sheet.createRow(out_++);
				int width = Math.max(source.cells().length, errorColumn);
				for (int c = 0; c < width && c < source.cells().length; c++) {
					var column = fieldOfColumn.get(c);
					var value = source.cell(c);
					if (masked && column != null && column.type() == ColumnType.ID_NUMBER) {
						value = Masking.idNumber(value);
					}
					else if (masked && column != null && column.type() == ColumnType.PHONE) {
						value = Masking.phone(value);
					}
					row.createCell(c).setCellValue(value);
				}
				if (!result.problems().isEmpty()) {
					var explanation = new StringBuilder();
					for (var problem : result.problems().entrySet()) {
						var index = dryRun.mapping().get(problem.getKey());
						explanation.append(explanation.isEmpty() ? "" : "；")
							.append(fieldLabel.apply(problem.getKey()))
							.append("：")
							.append(problem.getValue());
						if (index != null && index >= 0) {
							var cell = row.getCell(index) == null ? row.createCell(index) : row.getCell(index);
							cell.setCellStyle(red);
							var anchor = factory.createClientAnchor();
							anchor.setCol1(index);
							anchor.setCol2(index + 3);
							anchor.setRow1(row.getRowNum());
							anchor.setRow2(row.getRowNum() + 3);
							anchor.setAnchorType(ClientAnchor.AnchorType.DONT_MOVE_AND_RESIZE);
							var comment = drawing.createCellComment(anchor);
							comment.setString(factory.createRichTextString(problem.getValue()));
							comment.setAuthor("石榴籽");
							cell.setCellComment(comment);
						}
					}
					row.createCell(errorColumn).setCellValue(explanation.toString());
				}
			}
			var summarySheet = workbook.createSheet(SUMMARY_SHEET);
			int r = 0;
			for (var line : summary.entrySet()) {
				var row = summarySheet.createRow(r++);
				row.createCell(0).setCellValue(line.getKey());
				row.createCell(1).setCellValue(line.getValue());
			}
			workbook.write(out);
		}
		finally {
			workbook.close();
		}
	}

	private static int maxColumn(DryRun dryRun) {
		return dryRun.mapping().values().stream().mapToInt(Integer::intValue).max().orElse(0);
	}

	private static CellStyle headerStyle(Workbook workbook) {
		var style = workbook.createCellStyle();
		var font = workbook.createFont();
		font.setBold(true);
		style.setFont(font);
		style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
		style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		style.setBorderBottom(BorderStyle.THIN);
		return style;
	}


}
