package org.pomegranate.assessment.framework;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One node as a spreadsheet or CSV row writes it: the thirteen columns of {@link Column} as text,
 * and the row's number in its sheet (1 for the first line, as Excel and WPS number them; 0 for a
 * node typed into the editor's form). The one row model of the import, the demo CSVs, the
 * export and the node form.
 */
public record FrameworkRow(int number, List<String> cells) {

	/** The columns, in the order of the sheet and the CSV header; {@code field} is the node form's property. */
	public enum Column {

		LEVEL("层级", "level"), CODE("编号", "code"), PARENT("上级编号", "parent"), TITLE("名称", "title"),
		POINTS("分值", "points"), REQUIREMENT("测评要求", "requirement"), EVIDENCE("佐证材料", "evidenceKinds"),
		TEST_METHODS("测评方法", "testMethods"), SCORING("计分方法", "scoringMethod"), PARAMETER("计分参数", "parameter"),
		METRIC("实时指标", "metric"), TARGET("目标值", "target"), SOURCE("来源", "source");

		private final String header;

		private final String field;

		Column(String header, String field) {
			this.header = header;
			this.field = field;
		}

		public String header() {
			return header;
		}

		public String field() {
			return field;
		}

		public static List<String> headers() {
			return java.util.Arrays.stream(values()).map(Column::header).toList();
		}

	}

	public FrameworkRow {
		var padded = new ArrayList<String>();
		for (int i = 0; i < Column.values().length; i++) {
			var cell = i < cells.size() ? cells.get(i) : null;
			padded.add(cell == null ? "" : cell.strip());
		}
		cells = List.copyOf(padded);
	}

	public String get(Column column) {
		return cells.get(column.ordinal());
	}

	/** Whether every cell is empty: a blank line between rows, skipped. */
	public boolean blank() {
		return cells.stream().allMatch(String::isEmpty);
	}

	/** A row from its cells by column, empty where not given. */
	public static FrameworkRow of(int number, java.util.Map<Column, @Nullable String> cells) {
		var list = new ArrayList<String>();
		for (var column : Column.values()) {
			var cell = cells.get(column);
			list.add(cell == null ? "" : cell);
		}
		return new FrameworkRow(number, list);
	}

}
