package org.pomegranate.pairing;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.pomegranate.pairing.cadre.CadreBatch;
import org.springframework.stereotype.Service;

/**
 * Cadres as a spreadsheet import (the {@code dataimport} module) brings them in: each row is the
 * cadre form as typed, checked by the same constraints and the same service rules as the form
 * (region scope included), and matched to a cadre of the user's scope by name and work unit —
 * the cadre records hold no ID number. Rows are written marked with their batch, and a batch can
 * be undone while nothing has happened to its cadres since.
 */
@Service
public class CadreImports {

	private final CadreBatch batch;

	CadreImports(CadreBatch batch) {
		this.batch = batch;
	}

	/** Each row checked, in order, without writing: its problems, or whether it is new, an update or unchanged. */
	public List<Checked> check(List<Row> rows) {
		return batch.check(rows);
	}

	/** Writes the rows, checked again in this transaction and marked with {@code batchId}; unchanged rows are not written. */
	public Outcome write(long batchId, List<Row> rows) {
		return batch.write(batchId, rows);
	}

	/** What stops each cadre from being undone (a later edit, a pairing made …); empty when all may be. */
	public List<Blocker> undoBlockers(List<Undo> cadres) {
		return batch.blockers(cadres);
	}

	/** Removes the cadres the batch made and restores the ones it updated; refused while anything blocks. */
	public void undo(long batchId, List<Undo> cadres) {
		batch.undo(batchId, cadres);
	}

	/** The genders a row may name (enum names), in the form's order. */
	public List<String> genders() {
		return batch.genders();
	}

	/** The cadre levels a row may name (enum names), in the form's order. */
	public List<String> levels() {
		return batch.levels();
	}

	/** A cadre as a sheet row gives it, as typed: the cadre form's fields, gender and level by enum name. */
	public record Row(@Nullable String name, @Nullable String gender, @Nullable String ethnicity,
			@Nullable String workUnit, @Nullable String position, @Nullable String level, @Nullable String regionCode,
			@Nullable String phone) {
	}

	/** A checked row: its problems by form field, else the cadre it updates (null for a new one) and what would change. */
	public record Checked(Map<String, String> problems, @Nullable Long existingId, List<Change> changes) {
	}

	/** One field an update changes, as shown (phones masked): before and after. */
	public record Change(String field, String before, String after) {
	}

	/** A cadre written: created or updated, its version after, and for an update what it was before. */
	public record Written(long cadreId, boolean created, long version, Map<String, String> before) {
	}

	/** The cadres written and the rows refused (index in the rows given → form field → message). */
	public record Outcome(List<Written> written, Map<Integer, Map<String, String>> refused) {
	}

	/** A cadre an undo takes back, as {@link Written} recorded it. */
	public record Undo(long cadreId, boolean created, long version, Map<String, String> before) {
	}

	/** Why one cadre cannot be undone, in the user's language. */
	public record Blocker(long cadreId, String name, String reason) {
	}

}
