package org.pomegranate.pairing;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.pomegranate.pairing.program.VisitBatch;
import org.springframework.stereotype.Service;

/**
 * Visits as a spreadsheet import (the {@code dataimport} module) brings them in, from last year's
 * visit ledgers: each row names the household by its head's ID number, the cadre by name (and
 * unit), the date, and the visit form's fields; it is checked by the visit form's constraints and
 * the rules of recording a visit on the page (within the pairing's dates, the aid amount). A visit
 * is found again by household, cadre and date: the same visit again is unchanged, a different one
 * on that day is refused, since a recorded visit is never edited.
 */
@Service
public class VisitImports {

	private final VisitBatch batch;

	VisitImports(VisitBatch batch) {
		this.batch = batch;
	}

	/** Each row checked, in order, without writing. */
	public List<Checked> check(List<Row> rows) {
		return batch.check(rows);
	}

	/** Records the visits of the rows still valid now, marked with {@code batchId}; unchanged rows are not written. */
	public Outcome write(long batchId, List<Row> rows) {
		return batch.write(batchId, rows);
	}

	/** What stops each visit from being undone (edited since, photos added); empty when all may be. */
	public List<Blocker> undoBlockers(List<Undo> visits) {
		return batch.blockers(visits);
	}

	/** Removes the visits the batch recorded; refused while anything blocks. */
	public void undo(long batchId, List<Undo> visits) {
		batch.undo(batchId, visits);
	}

	/** The visit kinds a row may name (enum names), in the form's order. */
	public List<String> kinds() {
		return batch.kinds();
	}

	/** The active programs the user may work in, id → name, for a household paired with one cadre twice. */
	public Map<String, String> programs() {
		return batch.programs();
	}

	/**
	 * A visit as a sheet row gives it: the household's ID number, the cadre, the program where
	 * needed (by id), and the visit form's fields as typed (date ISO, kind by enum name, follow-up
	 * as {@code true}/{@code false}).
	 */
	public record Row(@Nullable String householdIdNumber, @Nullable String cadreName, @Nullable String cadreWorkUnit,
			@Nullable String programId, @Nullable String visitedOn, @Nullable String kind, @Nullable String visitors,
			@Nullable String findings, @Nullable String actionsTaken, @Nullable String aidAmount,
			@Nullable String followUpNeeded) {
	}

	/** A checked row: its problems by field, else the visit it matches (null for a new one). */
	public record Checked(Map<String, String> problems, @Nullable Long existingId) {
	}

	/** A visit recorded by the batch, with its version after. */
	public record Written(long visitId, long version) {
	}

	/** The visits written and the rows refused (index in the rows given → field → message). */
	public record Outcome(List<Written> written, Map<Integer, Map<String, String>> refused) {
	}

	/** A visit an undo takes back, as {@link Written} recorded it. */
	public record Undo(long visitId, long version) {
	}

	/** Why one visit cannot be undone, in the user's language; {@code name} is 户主 日期. */
	public record Blocker(long visitId, String name, String reason) {
	}

}
