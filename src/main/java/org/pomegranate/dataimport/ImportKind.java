package org.pomegranate.dataimport;

import java.util.List;
import java.util.Map;

/**
 * One kind of record a spreadsheet brings in (households, cadres …), declared as a bean: its
 * columns and natural key, and the owning module's import façade behind four calls. Every row
 * reaches those calls cleaned by its columns' types, as field → text.
 */
public interface ImportKind {

	/** The kind in URLs and stored batches, e.g. {@code households}. */
	String name();

	/** The message key of the kind's name, e.g. {@code import.kind.households}. */
	String labelKey();

	/** The columns of the sheet for the signed-in user (their villages in the dictionaries), in template order. */
	List<ImportColumn> columns();

	/** The field of the column that finds an existing record (a household's ID number). */
	String naturalKey();

	/**
	 * The natural key of a cleaned row, which finds duplicates within one file: the key column's
	 * value, unless the kind's key spans several fields (a cadre's name and unit).
	 */
	default String keyOf(Map<String, String> row) {
		return row.getOrDefault(naturalKey(), "");
	}

	/** An example row for the template, field → text as the user would type it. */
	Map<String, String> example();

	/** Each row checked without writing, in order. */
	List<RowCheck> check(List<Map<String, String>> rows);

	/** Writes the rows still valid now; the others come back refused, by index. */
	WriteOutcome write(long batchId, List<Map<String, String>> rows);

	/** What blocks undoing these written records; empty when nothing does. */
	List<UndoBlocker> undoBlockers(List<WrittenRecord> records);

	/** Removes the created records and restores the updated ones. */
	void undo(long batchId, List<WrittenRecord> records);

	/** A checked row: problems by field (messages), else the record it updates and its changes. */
	record RowCheck(Map<String, String> problems, @org.jspecify.annotations.Nullable Long existingId,
			List<FieldChange> changes) {

		public boolean valid() {
			return problems.isEmpty();
		}

		public boolean unchanged() {
			return valid() && existingId != null && changes.isEmpty();
		}

	}

	/** One field an update changes, personal data masked. */
	record FieldChange(String field, String before, String after) {
	}

	/** A record written by a batch: created or updated (then with what it was before), its version after. */
	record WrittenRecord(long recordId, boolean created, long version, Map<String, String> before) {
	}

	/** The records written and the rows refused (index → field → message). */
	record WriteOutcome(List<WrittenRecord> written, Map<Integer, Map<String, String>> refused) {
	}

	/** Why one record cannot be undone. */
	record UndoBlocker(long recordId, String name, String reason) {
	}

}
