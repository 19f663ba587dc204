package org.pomegranate.pairing;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.pomegranate.pairing.program.PairingBatch;
import org.springframework.stereotype.Service;

/**
 * Pairings as a spreadsheet import (the {@code dataimport} module) brings them in: each row names
 * a program, a household by its head's ID number and a cadre by name (and work unit where two
 * share a name), and passes the same rules as pairing on the page (scope, the program's targets,
 * levels, regions and quota). A household already paired in the program with that cadre is
 * unchanged; paired with another, the row is refused, since handing over (换人) asks for a reason
 * on the pairing page. An import only creates pairings; its undo removes those nothing happened to.
 */
@Service
public class PairingImports {

	private final PairingBatch batch;

	PairingImports(PairingBatch batch) {
		this.batch = batch;
	}

	/** Each row checked, in order, without writing. */
	public List<Checked> check(List<Row> rows) {
		return batch.check(rows);
	}

	/** Creates the pairings of the rows still valid now, marked with {@code batchId}; unchanged rows are not written. */
	public Outcome write(long batchId, List<Row> rows) {
		return batch.write(batchId, rows);
	}

	/** What stops each pairing from being undone (a visit, ended or handed over since); empty when all may be. */
	public List<Blocker> undoBlockers(List<Undo> pairings) {
		return batch.blockers(pairings);
	}

	/** Removes the pairings the batch made; refused while anything blocks. */
	public void undo(long batchId, List<Undo> pairings) {
		batch.undo(batchId, pairings);
	}

	/** The active programs the user may pair in, id → name. */
	public Map<String, String> programs() {
		return batch.programs();
	}

	/** A pairing as a sheet row gives it: the program's id, the household's ID number, the cadre, the start date (ISO). */
	public record Row(@Nullable String programId, @Nullable String householdIdNumber, @Nullable String cadreName,
			@Nullable String cadreWorkUnit, @Nullable String startedOn) {
	}

	/** A checked row: its problems by field, else the active pairing it matches (null for a new one). */
	public record Checked(Map<String, String> problems, @Nullable Long existingId) {
	}

	/** A pairing written by the batch, with its version after. */
	public record Written(long pairingId, long version) {
	}

	/** The pairings written and the rows refused (index in the rows given → field → message). */
	public record Outcome(List<Written> written, Map<Integer, Map<String, String>> refused) {
	}

	/** A pairing an undo takes back, as {@link Written} recorded it. */
	public record Undo(long pairingId, long version) {
	}

	/** Why one pairing cannot be undone, in the user's language; {@code name} is 干部 ↔ 户主. */
	public record Blocker(long pairingId, String name, String reason) {
	}

}
