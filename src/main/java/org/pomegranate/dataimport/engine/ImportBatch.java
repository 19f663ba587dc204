package org.pomegranate.dataimport.engine;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.RegionScoped;

/**
 * One confirmed import (导入批次) of one kind in the region of the user who made it: running, then
 * done (or failed, when an all-or-nothing import met a bad row), and undone within seven days.
 * Each step guards its state; {@link #refusal} says why a step is not allowed, as a message key.
 */
@Entity
@Table(name = "import_batch")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class ImportBatch implements RegionScoped {

	/** How long a batch may be undone after it finished. */
	public static final Duration UNDO_WINDOW = Duration.ofDays(7);

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String kind;

	private String regionCode;

	private String username;

	private String fileName;

	private String sha256;

	@Enumerated(EnumType.STRING)
	private ImportMode mode;

	@Enumerated(EnumType.STRING)
	private ImportState state;

	private int totalRows;

	private int doneRows;

	private int createdRows;

	private int updatedRows;

	private int unchangedRows;

	private int errorRows;

	private @Nullable String failure;

	private @Nullable Long returnedFileId;

	private Instant startedAt;

	private @Nullable Instant finishedAt;

	private @Nullable Instant undoneAt;

	private @Nullable String undoneBy;

	@Version
	private long version;

	ImportBatch(String kind, String regionCode, String username, String fileName, String sha256, ImportMode mode,
			int totalRows, int unchangedRows, int errorRows, Instant now) {
		this.kind = kind;
		this.regionCode = regionCode;
		this.username = username;
		this.fileName = fileName;
		this.sha256 = sha256;
		this.mode = mode;
		this.state = ImportState.RUNNING;
		this.totalRows = totalRows;
		this.unchangedRows = unchangedRows;
		this.errorRows = errorRows;
		this.startedAt = now;
	}

	public enum ImportMode {

		/** 仅导入正确行: bad rows are left out and listed. */
		VALID_ROWS,
		/** 全部或全不: one bad row and nothing is written. */
		ALL_OR_NOTHING

	}

	public enum ImportState {

		RUNNING, DONE, FAILED, UNDONE

	}

	public enum Step {

		UNDO

	}

	/** Why {@code step} is not allowed now, as a message key; empty when it is. */
	public java.util.Optional<String> refusal(Step step, Instant now) {
		return switch (step) {
			case UNDO -> state != ImportState.DONE ? java.util.Optional.of("import.error.undoState")
					: finishedAt != null && finishedAt.plus(UNDO_WINDOW).isBefore(now)
							? java.util.Optional.of("import.error.undoExpired") : java.util.Optional.empty();
		};
	}

	void keptReturnedWorkbook(long fileId) {
		this.returnedFileId = fileId;
	}

	void progressed(int done, int created, int updated, int refused) {
		requireState(ImportState.RUNNING);
		this.doneRows = done;
		this.createdRows = created;
		this.updatedRows = updated;
		this.errorRows = errorRows + refused;
	}

	void finish(Instant now) {
		requireState(ImportState.RUNNING);
		this.state = ImportState.DONE;
		this.doneRows = totalRows;
		this.finishedAt = now;
	}

	void fail(String reason, Instant now) {
		requireState(ImportState.RUNNING);
		this.state = ImportState.FAILED;
		this.failure = reason.length() > 500 ? reason.substring(0, 500) : reason;
		this.createdRows = 0;
		this.updatedRows = 0;
		this.finishedAt = now;
	}

	void undo(String by, Instant now) {
		refusal(Step.UNDO, now).ifPresent(key -> {
			throw new org.pomegranate.shared.BusinessRuleException(key);
		});
		this.state = ImportState.UNDONE;
		this.undoneAt = now;
		this.undoneBy = by;
	}

	/** Seconds left at the pace so far, or null before the first rows are done. */
	public @Nullable Long secondsLeft(Instant now) {
		if (state != ImportState.RUNNING || doneRows == 0) {
			return null;
		}
		double perRow = Duration.between(startedAt, now).toMillis() / (double) doneRows;
		return Math.round(perRow * (totalRows - doneRows) / 1000);
	}

	/** Still being written: the page keeps polling. */
	public boolean isRunning() {
		return state == ImportState.RUNNING;
	}

	/** Done, so an undo may be asked for (its age and the records' history decide the rest). */
	public boolean isUndoable() {
		return state == ImportState.DONE;
	}

	public int percentDone() {
		return totalRows == 0 ? 100 : (int) (100L * doneRows / totalRows);
	}

	private void requireState(ImportState expected) {
		if (state != expected) {
			throw new IllegalStateException("Import batch " + id + " is " + state + ", not " + expected);
		}
	}

}
