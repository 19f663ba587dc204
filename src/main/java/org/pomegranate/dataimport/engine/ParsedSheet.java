package org.pomegranate.dataimport.engine;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A sheet as read: its header row, its non-empty visible data rows, what the reader left out and
 * why ({@code notices}, message keys with one count or name each), the template version found in
 * a template's hidden dictionary sheet, and the cells inside merged ranges.
 */
public record ParsedSheet(String sheetName, List<String> header, List<SheetRow> rows, List<Notice> notices,
		@Nullable String templateVersion, Set<Cell> mergedCells) {

	/** One data row: its line number in the user's sheet (1-based), cell texts, and which cells were numbers. */
	public record SheetRow(int line, String[] cells, boolean[] numeric) {

		public String cell(int column) {
			return column >= 0 && column < cells.length && cells[column] != null ? cells[column] : "";
		}

		public boolean isNumeric(int column) {
			return column >= 0 && column < numeric.length && numeric[column];
		}

	}

	/** A cell by line (1-based) and column (0-based). */
	public record Cell(int line, int column) {
	}

	public record Notice(String messageKey, Object argument) {
	}

}
