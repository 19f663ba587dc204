package org.pomegranate.report.monthly;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.pomegranate.figures.Period;
import org.pomegranate.shared.Percent;
import org.pomegranate.shared.Spreadsheet;

/**
 * The report's .xlsx workbook: 汇总 (each figure this period, the previous one and the same period
 * last year), 下级区划 (a row per region below, the weakest marked), 诉求台账 (the period's petition
 * ledger, personal data masked), 结对覆盖 (coverage by program) and 走访情况 (visits by kind).
 * Every sheet has a title row and a frozen, repeated header, set column widths, number and date
 * formats and an A4 landscape print setup; text that looks like a formula stays text. A share is
 * its exact ratio in a {@code 0.0%} cell (43 of 144 is 0.29861…, shown 29.9%), a blank cell
 * where there is nothing to share; a standing figure says the day it stands at (截至…).
 */
public final class ReportWorkbook {

	static final String SUMMARY = "汇总";

	static final String REGIONS = "下级区划";

	static final String LEDGER = "诉求台账";

	static final String COVERAGE = "结对覆盖";

	static final String VISITS = "走访情况";

	static final List<String> LEDGER_HEADERS = List.of("编号", "收到日期", "来源", "诉求人", "联系电话", "村（社区）", "类别",
			"诉求事项", "状态", "办理结果", "评价", "办结日期", "是否逾期", "信访积案");

	private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);

	private final CellStyle title;

	private final CellStyle header;

	private final CellStyle count;

	private final CellStyle percent;

	private final CellStyle date;

	private final CellStyle text;

	private final CellStyle weakest;

	private final CellStyle weakestPercent;

	private ReportWorkbook() {
		title = workbook.createCellStyle();
		var big = workbook.createFont();
		big.setBold(true);
		big.setFontHeightInPoints((short) 14);
		title.setFont(big);
		header = workbook.createCellStyle();
		var bold = workbook.createFont();
		bold.setBold(true);
		header.setFont(bold);
		header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
		header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		header.setBorderBottom(BorderStyle.THIN);
		header.setWrapText(true);
		var formats = workbook.createDataFormat();
		count = workbook.createCellStyle();
		count.setDataFormat(formats.getFormat("#,##0"));
		percent = workbook.createCellStyle();
		percent.setDataFormat(formats.getFormat("0.0%"));
		date = workbook.createCellStyle();
		date.setDataFormat(formats.getFormat("yyyy-mm-dd"));
		text = Spreadsheet.textStyle(workbook);
		weakest = workbook.createCellStyle();
		weakest.cloneStyleFrom(count);
		var red = workbook.createFont();
		red.setBold(true);
		red.setColor(IndexedColors.RED.getIndex());
		weakest.setFont(red);
		weakestPercent = workbook.createCellStyle();
		weakestPercent.cloneStyleFrom(percent);
		weakestPercent.setFont(red);
	}

	/** Writes the workbook; {@code ledger} hands each ledger row (already masked) to the sink. */
	static byte[] write(ReportData data, Consumer<Consumer<List<@Nullable Object>>> ledger) {
		var book = new ReportWorkbook();
		try (var workbook = book.workbook) {
			book.summary(data);
			book.regions(data);
			book.ledger(data, ledger);
			book.coverage(data);
			book.visits(data);
			var out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void summary(ReportData data) {
		var sheet = sheet(SUMMARY, data.regionName() + data.periodLabel() + "工作情况汇总",
				List.of("指标", "本期", "上期", "环比增减", "去年同期", "同比增减"), List.of(24, 14, 14, 14, 14, 14));
		int next = 2;
		for (var line : data.summary()) {
			var row = sheet.createRow(next++);
			Spreadsheet.text(row.createCell(0), data.label(line), text);
			var current = line.percent() ? line.currentRatio() : line.current();
			number(row, 1, current, line.percent(), false);
			if (!line.standing()) {
				var previous = line.percent() ? line.previousRatio() : line.previous();
				var lastYear = line.percent() ? line.lastYearRatio() : line.lastYear();
				number(row, 2, previous, line.percent(), false);
				number(row, 3, difference(current, previous), line.percent(), false);
				number(row, 4, lastYear, line.percent(), false);
				number(row, 5, difference(current, lastYear), line.percent(), false);
			}
		}
	}

	private void regions(ReportData data) {
		var headers = new ArrayList<String>(List.of("区划", "代码"));
		var widths = new ArrayList<Integer>(List.of(20, 14));
		data.childColumns().forEach(column -> {
			headers.add(data.label(column));
			widths.add(12);
		});
		var sheet = sheet(REGIONS, data.regionName() + data.periodLabel() + "下级区划情况（红色为该项最弱）", headers, widths);
		int next = 2;
		for (var child : data.children()) {
			var row = sheet.createRow(next++);
			Spreadsheet.text(row.createCell(0), child.name(), text);
			Spreadsheet.text(row.createCell(1), child.code(), text);
			for (int i = 0; i < data.childColumns().size(); i++) {
				var column = data.childColumns().get(i);
				var ratios = child.ratios();
				var value = column.percent() ? (ratios == null ? null : ratios.get(column.key()))
						: child.values().get(column.key());
				number(row, i + 2, value, column.percent(), child.weakest().contains(column.key()));
			}
		}
	}

	private void ledger(ReportData data, Consumer<Consumer<List<@Nullable Object>>> rows) {
		var sheet = sheet(LEDGER, data.regionName() + data.periodLabel() + "诉求事项登记台账", LEDGER_HEADERS,
				List.of(20, 12, 10, 10, 14, 16, 10, 30, 10, 10, 10, 12, 8, 8));
		int[] next = { 2 };
		rows.accept(values -> {
			var row = sheet.createRow(next[0]++);
			for (int column = 0; column < values.size(); column++) {
				var value = values.get(column);
				if (value instanceof LocalDate day) {
					var cell = row.createCell(column);
					cell.setCellValue(day);
					cell.setCellStyle(date);
				}
				else if (value != null) {
					Spreadsheet.text(row.createCell(column), value.toString(), text);
				}
			}
		});
	}

	private void coverage(ReportData data) {
		var sheet = sheet(COVERAGE, data.regionName() + "结对覆盖情况（截至" + Period.day(data.coverageDay()) + "）",
				List.of("结对计划", "目标户", "已结对", "未结对", "覆盖率", "逾期未走访"), List.of(30, 12, 12, 12, 12, 12));
		int next = 2;
		for (var line : data.coverage()) {
			var row = sheet.createRow(next++);
			Spreadsheet.text(row.createCell(0), line.program(), text);
			number(row, 1, (double) line.target(), false, false);
			number(row, 2, (double) line.paired(), false, false);
			number(row, 3, (double) line.unpaired(), false, false);
			number(row, 4, Percent.ratio(line.paired(), line.target()), true, false);
			number(row, 5, (double) line.overdue(), false, false);
		}
	}

	private void visits(ReportData data) {
		var sheet = sheet(VISITS, data.regionName() + data.periodLabel() + "走访情况", List.of("走访方式", "次数"), List.of(20, 12));
		int next = 2;
		for (var line : data.visits()) {
			var row = sheet.createRow(next++);
			Spreadsheet.text(row.createCell(0), line.label(), text);
			number(row, 1, (double) line.visits(), false, false);
		}
		var total = sheet.createRow(next);
		Spreadsheet.text(total.createCell(0), "合计", text);
		number(total, 1, (double) data.totalVisits(), false, false);
	}

	/** A sheet with its title in row 1 and its header in row 2, both frozen and printed on every page. */
	private Sheet sheet(String name, String heading, List<String> headers, List<Integer> widths) {
		var sheet = workbook.createSheet(name);
		var titleRow = sheet.createRow(0);
		var titleCell = titleRow.createCell(0);
		Spreadsheet.text(titleCell, heading, text);
		titleCell.setCellStyle(title);
		if (headers.size() > 1) {
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, headers.size() - 1));
		}
		var headerRow = sheet.createRow(1);
		for (int column = 0; column < headers.size(); column++) {
			var cell = headerRow.createCell(column);
			cell.setCellValue(headers.get(column));
			cell.setCellStyle(header);
			sheet.setColumnWidth(column, widths.get(column) * 256);
		}
		sheet.createFreezePane(0, 2);
		sheet.setRepeatingRows(CellRangeAddress.valueOf("1:2"));
		var print = sheet.getPrintSetup();
		print.setPaperSize(PrintSetup.A4_PAPERSIZE);
		print.setLandscape(true);
		print.setFitWidth((short) 1);
		print.setFitHeight((short) 0);
		sheet.setFitToPage(true);
		sheet.setHorizontallyCenter(true);
		return sheet;
	}

	/** A number cell; a percentage is the exact ratio, shown by the {@code 0.0%} format; blank where there is none. */
	private void number(Row row, int column, @Nullable Double value, boolean isPercent, boolean flagged) {
		var cell = row.createCell(column);
		if (value == null) {
			return;
		}
		cell.setCellValue(value);
		cell.setCellStyle(isPercent ? (flagged ? weakestPercent : percent) : (flagged ? weakest : count));
	}

	private static @Nullable Double difference(@Nullable Double current, @Nullable Double other) {
		return current == null || other == null ? null : current - other;
	}

}
