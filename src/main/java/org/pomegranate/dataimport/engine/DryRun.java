package org.pomegranate.dataimport.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.pomegranate.dataimport.ImportKind.FieldChange;

/**
 * An upload read and checked, nothing written (试导入): every row with its cleaned values, its
 * problems by field and what it would do, the column mapping used, the reader's notices, and the
 * earlier import of the same file, if any. Kept in memory for its user until confirmed.
 */
public record DryRun(UUID id, String username, String kind, String fileName, String sha256, ParsedSheet sheet,
		List<String> fields, Map<String, Integer> mapping, List<RowResult> rows, List<String> notices, @Nullable Instant importedBefore) {

	public enum Outcome {

		NEW, UPDATE, UNCHANGED, ERROR

	}

	/**
	 * One data row: its line, cleaned values in the order of {@link #fields}, problems by field
	 * (messages), what it would do. Values are an array, not a map: 100,000 rows must fit the heap.
	 */
	public record RowResult(int line, String[] values, Map<String, String> problems, Outcome outcome,
			List<FieldChange> changes) {
	}

	/** A row's values by field, as the kind takes them. */
	public static Map<String, String> byField(List<String> fields, String[] values) {
		var map = new java.util.LinkedHashMap<String, String>();
		for (int i = 0; i < fields.size(); i++) {
			map.put(fields.get(i), values[i]);
		}
		return map;
	}

	public long count(Outcome outcome) {
		return rows.stream().filter(row -> row.outcome() == outcome).count();
	}

	public List<RowResult> errors() {
		return rows.stream().filter(row -> row.outcome() == Outcome.ERROR).toList();
	}

	public List<RowResult> updates() {
		return rows.stream().filter(row -> row.outcome() == Outcome.UPDATE).toList();
	}

}
