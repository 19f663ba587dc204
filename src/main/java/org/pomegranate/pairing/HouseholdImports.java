package org.pomegranate.pairing;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.pomegranate.pairing.household.HouseholdBatch;
import org.springframework.stereotype.Service;

/**
 * Households as a spreadsheet import (the {@code dataimport} module) brings them in: each row is
 * the household form as typed, checked by the same constraints and the same service rules as the
 * form (region scope included) and matched to a household by its ID number, so an imported row
 * obeys every rule a typed one does. Rows are written in bulk, marked with their batch, and a
 * batch can be undone while nothing has happened to its households since.
 */
@Service
public class HouseholdImports {

	private final HouseholdBatch batch;

	HouseholdImports(HouseholdBatch batch) {
		this.batch = batch;
	}

	/** Each row checked, in order, without writing: its problems, or whether it is new, an update or unchanged. */
	public List<Checked> check(List<Row> rows) {
		return batch.check(rows);
	}

	/**
	 * Writes the rows, checked again in this transaction, marking each household with
	 * {@code batchId}; a row wrong by now (edited meanwhile) comes back refused, and the caller
	 * decides whether that undoes the whole batch. Unchanged rows are not written.
	 */
	public Outcome write(long batchId, List<Row> rows) {
		return batch.write(batchId, rows);
	}

	/** What stops each household from being undone (a later edit, a pairing made …); empty when all may be. */
	public List<Blocker> undoBlockers(List<Undo> households) {
		return batch.blockers(households);
	}

	/** Removes the households the batch made and restores the ones it updated; refused while anything blocks. */
	public void undo(long batchId, List<Undo> households) {
		batch.undo(batchId, households);
	}

	/** The category codes (enum names) a row may name, in the form's order. */
	public List<String> categories() {
		return batch.categories();
	}

	/**
	 * A household as a sheet row gives it, as typed: the household form's fields, with the
	 * categories by code ({@link #categories()}).
	 */
	public record Row(@Nullable String headName, @Nullable String idNumber, @Nullable String ethnicity,
			@Nullable String phone, @Nullable String regionCode, @Nullable String address,
			@Nullable String memberCount, Set<String> categories, @Nullable String notes) {
	}

	/**
	 * A checked row: its problems by form field (the message in the user's language), else the
	 * household it updates ({@code existingId}, null for a new one) and what would change
	 * (personal data masked).
	 */
	public record Checked(Map<String, String> problems, @Nullable Long existingId, List<Change> changes) {

		public boolean valid() {
			return problems.isEmpty();
		}

		public boolean unchanged() {
			return valid() && existingId != null && changes.isEmpty();
		}

	}

	/** One field an update changes, as shown: before and after. */
	public record Change(String field, String before, String after) {
	}

	/**
	 * A household written: created or updated, its version after the write, and for an update the
	 * details it had before (form field → value) with the batch that wrote it before, for the undo.
	 */
	public record Written(long householdId, boolean created, long version, Map<String, String> before) {
	}

	/** The households written and the rows refused (index in the rows given → form field → message). */
	public record Outcome(List<Written> written, Map<Integer, Map<String, String>> refused) {
	}

	/** A household an undo takes back, as {@link Written} recorded it. */
	public record Undo(long householdId, boolean created, long version, Map<String, String> before) {
	}

	/** Why one household cannot be undone, in the user's language. */
	public record Blocker(long householdId, String headName, String reason) {
	}

}
