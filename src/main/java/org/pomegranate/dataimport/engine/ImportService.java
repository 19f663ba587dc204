package org.pomegranate.dataimport.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.pomegranate.audit.AuditAction;
import org.pomegranate.audit.AuditLog;
import org.pomegranate.dataimport.ImportColumn;
import org.pomegranate.dataimport.ImportColumn.ColumnType;
import org.pomegranate.dataimport.ImportKind;
import org.pomegranate.dataimport.engine.DryRun.Outcome;
import org.pomegranate.dataimport.engine.DryRun.RowResult;
import org.pomegranate.dataimport.engine.ImportBatch.ImportMode;
import org.pomegranate.dataimport.engine.ImportBatch.Step;
import org.pomegranate.files.FileStore;
import org.pomegranate.files.Upload;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.CurrentRoles;
import org.pomegranate.shared.IdNumber;
import org.pomegranate.shared.RecordNotFoundException;
import org.pomegranate.shared.RegionScope;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The import flow of every kind: read an upload, map its columns (matched by header and synonyms,
 * or as the user chose and saved), clean each cell by its column's type, find duplicate natural
 * keys, have the kind check every row (the dry run); then start the commit ({@link ImportJobs}),
 * list the region's batches, and undo one. Only staff and admins import; everything stays inside
 * the user's region.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('STAFF', 'ADMIN')")
public class ImportService {

	static final String ENTITY = "ImportBatch";

	/** Rows the kind checks per call: one read-only transaction each. */
	static final int CHUNK = 500;

	private final Map<String, ImportKind> kinds = new LinkedHashMap<>();

	private final ImportBatchRepository batches;

	private final DryRuns dryRuns;

	private final ImportJobs jobs;

	private final RegionScope scope;

	private final MessageSource messages;

	private final JdbcTemplate jdbc;

	private final AuditLog auditLog;

	private final FileStore files;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	ImportService(List<ImportKind> kinds, ImportBatchRepository batches, DryRuns dryRuns, ImportJobs jobs,
			RegionScope scope, MessageSource messages, JdbcTemplate jdbc, AuditLog auditLog, FileStore files, Clock clock) {
		kinds.forEach(kind -> this.kinds.put(kind.name(), kind));
		this.batches = batches;
		this.dryRuns = dryRuns;
		this.jobs = jobs;
		this.scope = scope;
		this.messages = messages;
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.files = files;
		this.clock = clock;
	}

	/** What the signed-in user may do here, so that no page compares roles. */
	@Transactional(propagation = Propagation.SUPPORTS)
	@PreAuthorize("permitAll()")
	public Permissions permissions() {
		return new Permissions(CurrentRoles.anyOf("STAFF", "ADMIN"));
	}

	public record Permissions(boolean importRecords) {
	}

	public List<ImportKind> kinds() {
		return List.copyOf(kinds.values());
	}

	public ImportKind kind(String name) {
		var kind = kinds.get(name);
		if (kind == null) {
			throw new RecordNotFoundException("ImportKind", name);
		}
		return kind;
	}

	public void template(String kindName, OutputStream out) throws IOException {
		var kind = kind(kindName);
		var instructions = new ArrayList<String>();
		for (int i = 1; messages.getMessage("import.template.help." + i, null, null, LocaleContextHolder.getLocale()) != null; i++) {
			instructions.add(text("import.template.help." + i));
		}
		for (var column : kind.columns()) {
			instructions.add(column.header() + (column.required() ? "（必填）" : "") + "："
					+ text("import.template.type." + column.type().name()));
		}
		Workbooks.template(kind, text(kind.labelKey()), instructions, out);
	}

	/**
	 * Reads and checks an upload without writing anything (the dry run). The upload lies in a
	 * temporary file only while it is read.
	 */
	public DryRun upload(String kindName, Upload upload) throws IOException {
		var kind = kind(kindName);
		var file = Files.createTempFile("import-", ".upload");
		try {
			String sha256;
			try (InputStream in = new DigestInputStream(upload.content().getInputStream(), sha256Digest());
					OutputStream out = Files.newOutputStream(file)) {
				in.transferTo(out);
				sha256 = HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
			}
			var sheet = SheetReader.read(file, upload.declaredName());
			if (sheet.header().isEmpty()) {
				throw new ImportRefusedException("import.error.empty");
			}
			var mapping = Workbooks.templateVersion(kind).equals(sheet.templateVersion()) ? byHeader(kind, sheet)
					: savedMapping(kind, sheet).orElseGet(() -> byHeader(kind, sheet));
			var dryRun = run(kind, UUID.randomUUID(), upload.declaredName(), sha256, sheet, mapping);
			dryRuns.keep(dryRun);
			return dryRun;
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	/** The signed-in user's dry run waiting to be confirmed. */
	public DryRun dryRun() {
		return dryRuns.get(scope.currentUsername());
	}

	/** Whether every required column of the kind found a column of the sheet. */
	public boolean mapped(DryRun dryRun) {
		return kind(dryRun.kind()).columns().stream()
			.filter(ImportColumn::required)
			.allMatch(column -> dryRun.mapping().containsKey(column.field()));
	}

	/** The dry run again with the columns the user chose (field → index in the header, -1 for none), saved for next time. */
	@Transactional
	public DryRun remap(Map<String, Integer> chosen) {
		var before = dryRun();
		var kind = kind(before.kind());
		var mapping = new LinkedHashMap<String, Integer>();
		var byHeader = new LinkedHashMap<String, String>();
		for (var column : kind.columns()) {
			var index = chosen.get(column.field());
			if (index != null && index >= 0 && index < before.sheet().header().size()) {
				mapping.put(column.field(), index);
				byHeader.put(column.field(), before.sheet().header().get(index));
			}
		}
		jdbc.update("""
				insert into import_mapping (username, kind, mapping) values (?, ?, ?::jsonb)
				on conflict (username, kind) do update set mapping = excluded.mapping""", scope.currentUsername(),
				kind.name(), json.writeValueAsString(byHeader));
		var dryRun = run(kind, before.id(), before.fileName(), before.sha256(), before.sheet(), mapping);
		dryRuns.keep(dryRun);
		return dryRun;
	}

	/** The returned workbook as the user gets it: their own values, the bad cells marked. */
	public void returnedWorkbook(OutputStream out) throws IOException {
		var dryRun = dryRun();
		var kind = kind(dryRun.kind());
		Workbooks.returned(dryRun, kind.columns(), summary(dryRun), field -> header(kind, field), false, out);
	}

	/**
	 * Starts writing the dry run {@code id} in the background; the batch page follows its
	 * progress. The dry run is taken away first, so a second click (or a stale page) makes no
	 * second batch.
	 */
	@Transactional
	public ImportBatch commit(UUID id, ImportMode mode) throws IOException {
		var waiting = dryRun();
		if (mode == ImportMode.ALL_OR_NOTHING && waiting.count(Outcome.ERROR) > 0) {
			throw new BusinessRuleException("import.error.allOrNothing", waiting.count(Outcome.ERROR));
		}
		var dryRun = dryRuns.take(scope.currentUsername(), id);
		var kind = kind(dryRun.kind());
		var rows = dryRun.rows()
			.stream()
			.filter(r -> r.outcome() == Outcome.NEW || r.outcome() == Outcome.UPDATE)
			.map(RowResult::values)
			.toList();
		var batch = batches.saveAndFlush(new ImportBatch(kind.name(), scope.prefix(), scope.currentUsername(),
				dryRun.fileName(), dryRun.sha256(), mode, rows.size(), (int) dryRun.count(Outcome.UNCHANGED),
				(int) dryRun.count(Outcome.ERROR), clock.instant()));
		var masked = new ByteArrayOutputStream();
		Workbooks.returned(dryRun, kind.columns(), summary(dryRun), field -> header(kind, field), true, masked);
		var stored = files.store(ImportFiles.KIND, batch.getId(), batch.getRegionCode(), Upload.of("导入结果.xlsx", masked.toByteArray()));
		batch.keptReturnedWorkbook(stored.id());
		auditLog.record(AuditAction.CREATE, ENTITY, batch.getId(),
				kind.name() + " " + dryRun.fileName() + "：" + rows.size() + " 行");
		jobs.start(batch.getId(), kind, dryRun.fields(), rows, mode);
		return batch;
	}

	public ImportBatch batch(long id) {
		return scope.check(batches.findById(id), ENTITY, id);
	}

	public Page<ImportBatch> history(Pageable pageable) {
		return batches.findInScope(scope.prefix(), pageable);
	}

	/** Why the batch cannot be undone now, as messages: its state, its age, or what happened to its records since. */
	public List<String> undoBlockers(long id) {
		var batch = batch(id);
		var refusal = batch.refusal(Step.UNDO, clock.instant());
		if (refusal.isPresent()) {
			return List.of(text(refusal.get()));
		}
		return kind(batch.getKind()).undoBlockers(written(id))
			.stream()
			.map(blocker -> blocker.name() + "：" + blocker.reason())
			.toList();
	}

	@Transactional
	public void undo(long id) {
		var batch = batch(id);
		if (!undoBlockers(id).isEmpty()) {
			throw new BusinessRuleException("import.error.undoBlocked");
		}
		kind(batch.getKind()).undo(id, written(id));
		batch.undo(scope.currentUsername(), clock.instant());
		batches.save(batch);
		auditLog.record(AuditAction.DELETE, ENTITY, id, "撤销导入 " + batch.getFileName());
	}

	private List<ImportKind.WrittenRecord> written(long batchId) {
		return jdbc.query("select record_id, created, version_after, before::text from import_row where batch_id = ? order by record_id",
				(rs, n) -> new ImportKind.WrittenRecord(rs.getLong(1), rs.getBoolean(2), rs.getLong(3),
						json.readValue(rs.getString(4), new TypeReference<Map<String, String>>() {
						})),
				batchId);
	}

	/** The header of a field's column, for messages. */
	public String header(ImportKind kind, String field) {
		return kind.columns().stream().filter(c -> c.field().equals(field)).map(ImportColumn::header).findFirst().orElse(field);
	}

	private Map<String, String> summary(DryRun dryRun) {
		var summary = new LinkedHashMap<String, String>();
		summary.put(text("import.summary.file"), dryRun.fileName());
		summary.put(text("import.summary.rows"), String.valueOf(dryRun.rows().size()));
		for (var outcome : Outcome.values()) {
			summary.put(text("import.outcome." + outcome.name()), String.valueOf(dryRun.count(outcome)));
		}
		dryRun.notices().forEach(notice -> summary.put(text("import.summary.notice"), notice));
		return summary;
	}

	private DryRun run(ImportKind kind, UUID id, String fileName, String sha256, ParsedSheet sheet,
			Map<String, Integer> mapping) {
		var columns = kind.columns();
		var notices = new ArrayList<String>();
		sheet.notices().forEach(notice -> notices.add(text(notice.messageKey(), notice.argument())));
		var rows = new ArrayList<RowResult>();
		var fields = columns.stream().map(ImportColumn::field).toList();
		var values = new ArrayList<String[]>();
		var problems = new ArrayList<Map<String, String>>();
		var seen = new HashMap<String, Integer>();
		var example = kind.example();
		int examples = 0;
		var keptRows = new ArrayList<ParsedSheet.SheetRow>();
		for (var row : sheet.rows()) {
			var cleaned = new String[columns.size()];
			var wrong = new LinkedHashMap<String, String>();
			boolean isExample = !example.isEmpty();
			for (int f = 0; f < columns.size(); f++) {
				var column = columns.get(f);
				var index = mapping.get(column.field());
				var raw = index == null ? "" : row.cell(index);
				isExample &= CellCleaner.trim(raw).equals(example.getOrDefault(column.field(), ""));
				var result = CellCleaner.clean(column, raw, index != null && row.isNumeric(index));
				cleaned[f] = result.value();
				if (result.problem() != null) {
					wrong.put(column.field(), text(result.problem(), result.argument()));
				}
				else if (index != null && sheet.mergedCells().contains(new ParsedSheet.Cell(row.line(), index))) {
					wrong.put(column.field(), text("import.cell.merged"));
				}
			}
			if (isExample) {
				examples++;
				continue;
			}
			// The row by field lives for this line only: a key may span fields (a cadre's name and unit).
			var key = naturalKey(kind, DryRun.byField(fields, cleaned));
			if (!key.isEmpty() && !wrong.containsKey(kind.naturalKey())) {
				var earlier = seen.putIfAbsent(key, row.line());
				if (earlier != null) {
					wrong.put(kind.naturalKey(), text("import.cell.duplicate", earlier));
				}
			}
			keptRows.add(row);
			values.add(cleaned);
			problems.add(wrong.isEmpty() ? null : wrong);
		}
		if (examples > 0) {
			notices.add(text("import.notice.example", examples));
		}
		for (int from = 0; from < values.size(); from += CHUNK) {
			var chunk = values.subList(from, Math.min(values.size(), from + CHUNK));
			var checks = kind.check(chunk.stream().map(v -> DryRun.byField(fields, v)).toList());
			for (int i = 0; i < chunk.size(); i++) {
				var found = problems.get(from + i);
				var check = checks.get(i);
				Map<String, String> wrong = found == null && check.problems().isEmpty() ? Map.of()
						: found == null ? new LinkedHashMap<>() : found;
				check.problems().forEach(wrong::putIfAbsent);
				var outcome = !wrong.isEmpty() ? Outcome.ERROR : check.existingId() == null ? Outcome.NEW
						: check.unchanged() ? Outcome.UNCHANGED : Outcome.UPDATE;
				rows.add(new RowResult(keptRows.get(from + i).line(), chunk.get(i), wrong, outcome,
						outcome == Outcome.UPDATE ? check.changes() : List.of()));
			}
		}
		var earlier = batches.findDone(sha256, kind.name(), scope.prefix()).stream().findFirst();
		var kept = new ParsedSheet(sheet.sheetName(), sheet.header(), keptRows, sheet.notices(), sheet.templateVersion(),
				sheet.mergedCells());
		return new DryRun(id, scope.currentUsername(), kind.name(), fileName, sha256, kept, fields, mapping, rows, notices,
				earlier.map(ImportBatch::getStartedAt).orElse(null));
	}

	private static String naturalKey(ImportKind kind, Map<String, String> values) {
		var column = kind.columns().stream().filter(c -> c.field().equals(kind.naturalKey())).findFirst().orElseThrow();
		var value = kind.keyOf(values);
		return column.type() == ColumnType.ID_NUMBER ? IdNumber.normalize(value) : value;
	}

	/** Each field's column by its header or one of its synonyms. */
	private static Map<String, Integer> byHeader(ImportKind kind, ParsedSheet sheet) {
		var mapping = new LinkedHashMap<String, Integer>();
		for (var column : kind.columns()) {
			var names = new ArrayList<String>();
			names.add(CellCleaner.header(column.header()));
			column.synonyms().forEach(s -> names.add(CellCleaner.header(s)));
			for (int i = 0; i < sheet.header().size(); i++) {
				if (names.contains(CellCleaner.header(sheet.header().get(i))) && !mapping.containsValue(i)) {
					mapping.put(column.field(), i);
					break;
				}
			}
		}
		return mapping;
	}

	/** The mapping this user saved for the kind, where every header it names is in this sheet. */
	private java.util.Optional<Map<String, Integer>> savedMapping(ImportKind kind, ParsedSheet sheet) {
		var saved = jdbc.queryForList("select mapping::text from import_mapping where username = ? and kind = ?",
				String.class, scope.currentUsername(), kind.name());
		if (saved.isEmpty()) {
			return java.util.Optional.empty();
		}
		Map<String, String> headers = json.readValue(saved.get(0), new TypeReference<Map<String, String>>() {
		});
		var mapping = new LinkedHashMap<String, Integer>();
		for (var entry : headers.entrySet()) {
			int index = sheet.header().indexOf(entry.getValue());
			if (index < 0) {
				return java.util.Optional.empty();
			}
			mapping.put(entry.getKey(), index);
		}
		return java.util.Optional.of(mapping);
	}

	private String text(String key, @Nullable Object... arguments) {
		return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
	}

	private static MessageDigest sha256Digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}


}
