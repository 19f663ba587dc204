package org.pomegranate.assessment.framework;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.pomegranate.assessment.framework.FrameworkRow.Column;
import org.pomegranate.shared.FormText;
import org.pomegranate.shared.RegionLevel;
import org.pomegranate.shared.Spreadsheet;

/**
 * A framework version as an .xlsx workbook, and back: the sheet 指标 (a bold, frozen header of
 * the thirteen columns of the CSV, one row per node in tree order, points as numbers, codes as
 * text) and the sheet 设置 (name, kind, base, pass mark, caps, appeal days, approval levels, 演示,
 * note, one per row). Reading refuses, before anything is written, a file that is not an .xlsx
 * (by its name and its first bytes), one over {@link #MAX_BYTES}, one POI cannot open, and a
 * sheet without the expected header; the rows themselves are judged by {@link FrameworkRows}.
 */
public final class FrameworkWorkbook {

	public static final String SETTINGS_SHEET = "设置";

	public static final long MAX_BYTES = 5L * 1024 * 1024;

	static final String NAME = "名称";

	static final String KIND = "类型";

	static final String BASE = "基本分";

	static final String PASS_MARK = "达标分";

	static final String BONUS_CAP = "加分上限";

	static final String PENALTY_CAP = "扣分上限";

	static final String APPEAL_DAYS = "申诉天数";

	static final String APPROVAL_LEVELS = "审核层级";

	static final String DEMONSTRATION = "演示";

	static final String NOTE = "说明";

	static final List<String> SETTINGS = List.of(NAME, KIND, BASE, PASS_MARK, BONUS_CAP, PENALTY_CAP, APPEAL_DAYS,
			APPROVAL_LEVELS, DEMONSTRATION, NOTE);

	static final Map<String, FrameworkKind> KINDS = vocabulary();

	static final Map<String, RegionLevel> LEVELS = Map.of("省级", RegionLevel.PROVINCE, "州级", RegionLevel.PREFECTURE, "县级",
			RegionLevel.COUNTY, "乡级", RegionLevel.TOWNSHIP, "村级", RegionLevel.VILLAGE);

	private static final int[] WIDTHS = { 8, 10, 10, 28, 8, 60, 18, 24, 10, 18, 20, 10, 36 };

	private FrameworkWorkbook() {
	}

	/** What a workbook holds: its node rows and the rows of its 设置 sheet (none without one). */
	public record Contents(List<FrameworkRow> rows, @Nullable SettingsSheet settingsSheet) {

		/** The settings the 设置 sheet gives, checked; refused when the sheet is missing or wrong. */
		public Settings settings() {
			if (settingsSheet == null) {
				throw refused("framework.import.noSheet", SETTINGS_SHEET);
			}
			return settingsSheet.parse();
		}

	}

	/** The 设置 sheet as read: each setting's text and its row number. */
	public record SettingsSheet(Map<String, String> values, Map<String, Integer> rowOf) {

		public SettingsSheet {
			values = Map.copyOf(values);
			rowOf = Map.copyOf(rowOf);
		}

		Settings parse() {
			return FrameworkWorkbook.settings(values, rowOf);
		}

	}

	/** The settings a 设置 sheet gives, already checked. */
	public record Settings(FrameworkKind kind, FrameworkSettings settings) {
	}

	// Writing

	/** The workbook of {@code framework}'s {@code rows} (already in tree order). */
	public static byte[] write(IndicatorFramework framework, List<FrameworkRow> rows) {
		try (var workbook = new XSSFWorkbook()) {
			var header = workbook.createCellStyle();
			var bold = workbook.createFont();
			bold.setBold(true);
			header.setFont(bold);
			header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			header.setBorderBottom(BorderStyle.THIN);
			var text = Spreadsheet.textStyle(workbook);
			var wrapped = workbook.createCellStyle();
			wrapped.cloneStyleFrom(text);
			wrapped.setWrapText(true);
			var points = workbook.createCellStyle();
			points.setDataFormat(workbook.createDataFormat().getFormat("General"));

			var nodes = workbook.createSheet(FrameworkRows.SHEET);
			var head = nodes.createRow(0);
			for (var column : Column.values()) {
				var cell = head.createCell(column.ordinal());
				cell.setCellValue(column.header());
				cell.setCellStyle(header);
				nodes.setColumnWidth(column.ordinal(), WIDTHS[column.ordinal()] * 256);
			}
			nodes.createFreezePane(0, 1);
			int next = 1;
			for (var row : rows) {
				var line = nodes.createRow(next++);
				for (var column : Column.values()) {
					var value = row.get(column);
					if (value.isEmpty()) {
						continue;
					}
					var cell = line.createCell(column.ordinal());
					if (column == Column.POINTS || column == Column.TARGET) {
						cell.setCellValue(new BigDecimal(value).doubleValue());
						cell.setCellStyle(points);
					}
					else {
						cell.setCellStyle(column == Column.REQUIREMENT ? wrapped : text);
						Spreadsheet.text(cell, value, text);
					}
				}
			}
			landscape(nodes);

			var settings = workbook.createSheet(SETTINGS_SHEET);
			var settingsHead = settings.createRow(0);
			cell(settingsHead, 0, "项目", header);
			cell(settingsHead, 1, "值", header);
			settings.setColumnWidth(0, 14 * 256);
			settings.setColumnWidth(1, 60 * 256);
			next = 1;
			for (var entry : settingsRows(framework).entrySet()) {
				var line = settings.createRow(next++);
				cell(line, 0, entry.getKey(), text);
				if (!entry.getValue().isEmpty()) {
					cell(line, 1, entry.getValue(), text);
				}
			}
			var out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The 设置 sheet's rows: each setting's name and its value as the sheet writes it. */
	static Map<String, String> settingsRows(IndicatorFramework framework) {
		var rows = new LinkedHashMap<String, String>();
		rows.put(NAME, framework.getName());
		rows.put(KIND, FrameworkRows.label(KINDS, framework.getKind()));
		rows.put(BASE, FrameworkChecks.plain(framework.getBasePoints()));
		rows.put(PASS_MARK, FrameworkChecks.plain(framework.getPassMark()));
		rows.put(BONUS_CAP, framework.getBonusCap() == null ? "" : FrameworkChecks.plain(framework.getBonusCap()));
		rows.put(PENALTY_CAP, framework.getPenaltyCap() == null ? "" : FrameworkChecks.plain(framework.getPenaltyCap()));
		rows.put(APPEAL_DAYS, String.valueOf(framework.getAppealDays()));
		rows.put(APPROVAL_LEVELS, String.join("、", framework.approvalLevels()
			.stream()
			.map(level -> LEVELS.entrySet().stream().filter(e -> e.getValue() == level).findFirst().orElseThrow().getKey())
			.toList()));
		rows.put(DEMONSTRATION, framework.isDemonstration() ? "是" : "否");
		rows.put(NOTE, framework.getNote() == null ? "" : framework.getNote());
		return rows;
	}

	private static void cell(Row row, int column, String value, CellStyle style) {
		var cell = row.createCell(column);
		cell.setCellStyle(style);
		Spreadsheet.text(cell, value, style);
	}

	private static void landscape(Sheet sheet) {
		sheet.getPrintSetup().setLandscape(true);
		sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
		sheet.setFitToPage(true);
		sheet.getPrintSetup().setFitWidth((short) 1);
		sheet.getPrintSetup().setFitHeight((short) 0);
		sheet.setRepeatingRows(org.apache.poi.ss.util.CellRangeAddress.valueOf("1:1"));
	}

	// Reading

	/**
	 * The rows and settings of an uploaded workbook; refused ({@link RowsRefusedException}) when it is
	 * not an .xlsx, too big, cannot be opened, or lacks the 指标 sheet or its header.
	 */
	public static Contents read(@Nullable String filename, InputStream content) {
		byte[] bytes;
		try {
			bytes = content.readNBytes((int) MAX_BYTES + 1);
		}
		catch (IOException ex) {
			throw refused("framework.import.malformed");
		}
		if (bytes.length == 0) {
			throw refused("framework.import.noFile");
		}
		if (bytes.length > MAX_BYTES) {
			throw refused("framework.import.tooBig");
		}
		var name = filename == null ? "" : filename.toLowerCase(Locale.ROOT).strip();
		boolean zip = bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
		if (!name.endsWith(".xlsx") || !zip) {
			throw refused("framework.import.notXlsx");
		}
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			var sheet = workbook.getSheet(FrameworkRows.SHEET);
			if (sheet == null) {
				throw refused("framework.import.noSheet", FrameworkRows.SHEET);
			}
			var rows = rows(sheet);
			var settingsSheet = workbook.getSheet(SETTINGS_SHEET);
			return new Contents(rows, settingsSheet == null ? null : settingsSheet(settingsSheet));
		}
		catch (RowsRefusedException ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			// POI answers a damaged or disguised file with any of its runtime exceptions.
			throw refused("framework.import.malformed");
		}
	}

	private static List<FrameworkRow> rows(Sheet sheet) {
		int header = -1;
		for (int i = sheet.getFirstRowNum(); i <= Math.min(sheet.getLastRowNum(), sheet.getFirstRowNum() + 5) && i >= 0; i++) {
			var row = sheet.getRow(i);
			if (row != null && !cells(row).stream().allMatch(String::isEmpty)) {
				header = i;
				break;
			}
		}
		if (header < 0 || !cells(sheet.getRow(header)).equals(Column.headers())) {
			throw new RowsRefusedException(List.of(RowProblem.of(FrameworkRows.SHEET, header + 1, null,
					"framework.import.header", String.join("、", Column.headers()))));
		}
		if (sheet.getLastRowNum() - header > FrameworkRows.MAX_ROWS + 100) {
			throw new RowsRefusedException(
					List.of(RowProblem.of(FrameworkRows.SHEET, 0, null, "framework.import.tooManyRows", String.valueOf(FrameworkRows.MAX_ROWS))));
		}
		var rows = new ArrayList<FrameworkRow>();
		for (int i = header + 1; i <= sheet.getLastRowNum(); i++) {
			var row = sheet.getRow(i);
			if (row != null) {
				rows.add(new FrameworkRow(i + 1, cells(row)));
			}
		}
		return rows;
	}

	private static List<String> cells(Row row) {
		var cells = new ArrayList<String>();
		for (int i = 0; i < Column.values().length; i++) {
			cells.add(text(row.getCell(i)));
		}
		return cells;
	}

	/** A cell as its text: a number without trailing zeros (2.5, 100), a formula by its cached value. */
	private static String text(@Nullable Cell cell) {
		if (cell == null) {
			return "";
		}
		var type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
		return switch (type) {
			case STRING -> cell.getStringCellValue().strip();
			case NUMERIC -> BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
			case BOOLEAN -> cell.getBooleanCellValue() ? "是" : "否";
			default -> "";
		};
	}

	private static SettingsSheet settingsSheet(Sheet sheet) {
		var values = new LinkedHashMap<String, String>();
		var rowOf = new LinkedHashMap<String, Integer>();
		for (int i = Math.max(sheet.getFirstRowNum(), 0); i <= sheet.getLastRowNum() && i < 200; i++) {
			var row = sheet.getRow(i);
			if (row == null) {
				continue;
			}
			var key = text(row.getCell(0));
			if (SETTINGS.contains(key)) {
				values.put(key, text(row.getCell(1)));
				rowOf.put(key, i + 1);
			}
		}
		return new SettingsSheet(values, rowOf);
	}

	/** The 设置 sheet's settings checked, every wrong row a problem with its row number. */
	static Settings settings(Map<String, String> values, Map<String, Integer> rowOf) {
		var problems = new ArrayList<RowProblem>();
		var name = values.getOrDefault(NAME, "");
		if (name.isEmpty() || FormText.tooLong(name, 120) || FormText.hasControlCharacters(name, false)) {
			problems.add(settingProblem(rowOf, NAME, "framework.import.setting.name"));
		}
		var kindText = values.getOrDefault(KIND, "");
		var kind = FrameworkRows.lookUp(KINDS, FrameworkKind.class, kindText);
		if (kind == null) {
			problems.add(settingProblem(rowOf, KIND, "framework.import.setting.kind", kindText,
					String.join("、", KINDS.keySet())));
		}
		var base = decimal(values, rowOf, BASE, "100", problems);
		var passMark = decimal(values, rowOf, PASS_MARK, "90", problems);
		var bonusCap = decimal(values, rowOf, BONUS_CAP, "", problems);
		var penaltyCap = decimal(values, rowOf, PENALTY_CAP, "", problems);
		if (base != null && base.signum() <= 0) {
			problems.add(settingProblem(rowOf, BASE, "framework.import.setting.number", BASE, values.get(BASE)));
		}
		var daysText = values.getOrDefault(APPEAL_DAYS, "");
		var days = daysText.isEmpty() ? Integer.valueOf(10) : FormText.wholeNumber(daysText);
		if (days == null || days < 0 || days > 90) {
			problems.add(settingProblem(rowOf, APPEAL_DAYS, "framework.import.setting.days", daysText));
		}
		var levels = EnumSet.noneOf(RegionLevel.class);
		var levelsText = values.getOrDefault(APPROVAL_LEVELS, "");
		for (var word : levelsText.split("[、,，;；\\s]+")) {
			if (word.isEmpty()) {
				continue;
			}
			var level = LEVELS.containsKey(word) ? LEVELS.get(word) : FrameworkRows.lookUp(Map.of(), RegionLevel.class, word);
			if (level == null) {
				problems.add(settingProblem(rowOf, APPROVAL_LEVELS, "framework.import.setting.level", word));
			}
			else {
				levels.add(level);
			}
		}
		var demonstrationText = values.getOrDefault(DEMONSTRATION, "否");
		if (!List.of("是", "否", "").contains(demonstrationText)) {
			problems.add(settingProblem(rowOf, DEMONSTRATION, "framework.import.setting.demonstration", demonstrationText));
		}
		var note = values.getOrDefault(NOTE, "");
		if (FormText.tooLong(note, 1000) || FormText.hasControlCharacters(note, true)) {
			problems.add(settingProblem(rowOf, NOTE, "framework.import.tooLong", NOTE, "1000"));
		}
		if (!problems.isEmpty()) {
			throw new RowsRefusedException(problems);
		}
		// Highest levels confirm last: the approval runs bottom-up.
		var ordered = levels.stream().sorted(java.util.Comparator.reverseOrder()).toList();
		return new Settings(kind, new FrameworkSettings(name, base, passMark, bonusCap, penaltyCap, days, ordered,
				"是".equals(demonstrationText), note.isEmpty() ? null : note));
	}

	private static @Nullable BigDecimal decimal(Map<String, String> values, Map<String, Integer> rowOf, String key,
			String fallback, List<RowProblem> problems) {
		var text = values.getOrDefault(key, fallback);
		if (text.isEmpty()) {
			return null;
		}
		var number = FrameworkRows.points(text);
		if (number == null) {
			problems.add(settingProblem(rowOf, key, "framework.import.setting.number", key, text));
		}
		return number;
	}

	private static RowProblem settingProblem(Map<String, Integer> rowOf, String key, String messageKey, Object... arguments) {
		return new RowProblem(SETTINGS_SHEET, rowOf.getOrDefault(key, 0), null, messageKey, List.of(arguments));
	}

	private static RowsRefusedException refused(String key, Object... arguments) {
		return new RowsRefusedException(List.of(new RowProblem("", 0, null, key, List.of(arguments))));
	}

	private static Map<String, FrameworkKind> vocabulary() {
		var kinds = new LinkedHashMap<String, FrameworkKind>();
		kinds.put("示范市（州）", FrameworkKind.PREFECTURE);
		kinds.put("示范县", FrameworkKind.COUNTY);
		kinds.put("示范乡镇", FrameworkKind.TOWNSHIP);
		kinds.put("机关", FrameworkKind.AGENCY);
		kinds.put("企业", FrameworkKind.ENTERPRISE);
		kinds.put("村（社区）", FrameworkKind.VILLAGE);
		kinds.put("学校", FrameworkKind.SCHOOL);
		kinds.put("宗教活动场所", FrameworkKind.RELIGIOUS_SITE);
		return java.util.Collections.unmodifiableMap(kinds);
	}

}
