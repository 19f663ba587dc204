package org.pomegranate.dataimport.engine;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import org.pomegranate.dataimport.ImportKind;
import org.pomegranate.dataimport.engine.ImportBatch.ImportMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a confirmed import in the background, one import at a time on one low-priority thread so
 * the other users' pages stay quick: chunks of rows through the kind, each written record noted
 * for the undo, the batch's progress committed after every chunk for the page that polls it.
 * "Only valid rows" commits chunk by chunk; "all or nothing" writes every chunk in one
 * transaction, which a refused row rolls back whole.
 */
@Component
class ImportJobs {

	private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

	static final int CHUNK = 1000;

	private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
		var thread = new Thread(runnable, "data-import");
		thread.setPriority(Thread.MIN_PRIORITY);
		thread.setDaemon(true);
		return thread;
	});

	private final ImportBatchRepository batches;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate inTransaction;

	private final TransactionTemplate apart;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	ImportJobs(ImportBatchRepository batches, JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
		this.batches = batches;
		this.jdbc = jdbc;
		this.inTransaction = new TransactionTemplate(transactions);
		this.apart = new TransactionTemplate(transactions);
		this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/** Starts after the caller's transaction commits its batch row, which the job reads. */
	void start(long batchId, ImportKind kind, List<String> fields, List<String[]> rows, ImportMode mode) {
		var locale = LocaleContextHolder.getLocale();
		Runnable job = new DelegatingSecurityContextRunnable(() -> {
			LocaleContextHolder.setLocale(locale);
			try {
				run(batchId, kind, fields, rows, mode);
			}
			finally {
				LocaleContextHolder.resetLocaleContext();
			}
		});
		if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
			org.springframework.transaction.support.TransactionSynchronizationManager
				.registerSynchronization(new org.springframework.transaction.support.TransactionSynchronization() {
					@Override
					public void afterCommit() {
						executor.execute(job);
					}
				});
		}
		else {
			executor.execute(job);
		}
	}

	private void run(long batchId, ImportKind kind, List<String> fields, List<String[]> all, ImportMode mode) {
		// Maps by field a chunk at a time: the whole import as maps would not fit a 512 MB heap.
		java.util.function.IntFunction<List<Map<String, String>>> chunkAt = from -> all
			.subList(from, Math.min(all.size(), from + CHUNK))
			.stream()
			.map(values -> DryRun.byField(fields, values))
			.toList();
		var tally = new int[3];
		try {
			if (mode == ImportMode.ALL_OR_NOTHING) {
				inTransaction.executeWithoutResult(status -> {
					for (int from = 0; from < all.size(); from += CHUNK) {
						var refused = writeChunk(batchId, kind, chunkAt.apply(from), tally);
						if (refused > 0) {
							throw new RowsRefused(refused);
						}
						progress(batchId, Math.min(all.size(), from + CHUNK), tally);
					}
				});
			}
			else {
				for (int from = 0; from < all.size(); from += CHUNK) {
					var chunk = chunkAt.apply(from);
					int done = Math.min(all.size(), from + CHUNK);
					inTransaction.executeWithoutResult(status -> {
						writeChunk(batchId, kind, chunk, tally);
						progress(batchId, done, tally);
					});
				}
			}
			apart.executeWithoutResult(status -> {
				var batch = batches.findById(batchId).orElseThrow();
				batch.finish(clock.instant());
				batches.save(batch);
			});
		}
		catch (RuntimeException ex) {
			log.warn("Import batch {} failed: {}", batchId, ex.getClass().getSimpleName());
			apart.executeWithoutResult(status -> {
				var batch = batches.findById(batchId).orElseThrow();
				batch.fail(ex instanceof RowsRefused refused ? refused.getMessage() : ex.getClass().getSimpleName(),
						clock.instant());
				batches.save(batch);
			});
		}
	}

	/** Writes one chunk and notes its records; counts created, updated and refused in {@code tally}; answers the refused. */
	private int writeChunk(long batchId, ImportKind kind, List<Map<String, String>> chunk, int[] tally) {
		var outcome = kind.write(batchId, chunk);
		jdbc.batchUpdate("insert into import_row (batch_id, record_id, created, version_after, before) values (?, ?, ?, ?, ?::jsonb)"
				+ " on conflict (batch_id, record_id) do update set version_after = excluded.version_after",
				outcome.written(), 500, (statement, written) -> {
					statement.setLong(1, batchId);
					statement.setLong(2, written.recordId());
					statement.setBoolean(3, written.created());
					statement.setLong(4, written.version());
					statement.setString(5, json.writeValueAsString(written.before()));
				});
		for (var written : outcome.written()) {
			tally[written.created() ? 0 : 1]++;
		}
		tally[2] += outcome.refused().size();
		return outcome.refused().size();
	}

	private void progress(long batchId, int done, int[] tally) {
		apart.executeWithoutResult(status -> {
			var batch = batches.findById(batchId).orElseThrow();
			batch.progressed(done, tally[0], tally[1], 0);
			batches.save(batch);
		});
	}

	@PreDestroy
	void stop() {
		executor.shutdownNow();
	}

	private static final class RowsRefused extends RuntimeException {

		RowsRefused(int refused) {
			super(refused + " 行在导入时已不再正确，全部未导入");
		}

	}

}
