package org.pomegranate.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The records behind a module's figures, for the lists an assessment freezes with a figure it
 * scored (the reviewer reads them, not the ledgers): for a figure key, a region and a period,
 * the ids of the records the figure counts, read with the same query code as the figure so that
 * the list's total is the figure; later, the rows of given ids as a list shows them to someone
 * without the right to personal data (names 张*, identity numbers and phones masked, no
 * disability detail). Implemented by the module owning the figure, next to its
 * {@link FigureSource}. The caller decides who may see which ids: {@link #rows} reads by id, not
 * by scope.
 */
public interface FigureRecords {

	/** Whether it names the records behind the figure {@code key}. */
	boolean knows(String key);

	/**
	 * The records the figure {@code key} counts for the query's region and period, in a stable
	 * order; for a rate ({@code part} of {@code whole}), which of them count in the part.
	 */
	Counted counted(String key, FigureQuery query);

	/**
	 * The rows of {@code ids}, records of the kind the figure {@code key} counts, masked, in the
	 * order of {@code ids}; an id no longer found is left out.
	 */
	Rows rows(String key, List<Long> ids);

	/** The rows {@code found} by id, in the order of {@code ids}, leaving out those not found. */
	static List<Row> inOrder(List<Long> ids, Map<Long, Row> found) {
		var rows = new ArrayList<Row>(found.size());
		for (var id : ids) {
			var row = found.get(id);
			if (row != null) {
				rows.add(row);
			}
		}
		return rows;
	}

	/**
	 * The ids a figure counts: for a count, as many as its value; for a rate, {@code ids} its whole
	 * and {@code part} the ids of those counted in its part (null for a count).
	 */
	record Counted(List<Long> ids, @Nullable List<Long> part) {

		public Counted {
			ids = List.copyOf(ids);
			part = part == null ? null : List.copyOf(part);
		}

		public static Counted of(List<Long> ids) {
			return new Counted(ids, null);
		}

	}

	/** A page of masked rows: {@code columns} message keys of the owning module's list headings. */
	record Rows(List<String> columns, List<Row> rows) {

		public Rows {
			columns = List.copyOf(columns);
			rows = List.copyOf(rows);
		}

	}

	/** One record as text, one cell per column, personal data already masked. */
	record Row(long id, List<String> cells) {

		public Row {
			cells = List.copyOf(cells);
		}

	}

}
