package org.pomegranate.report.monthly;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

import org.pomegranate.audit.AuditAction;
import org.pomegranate.audit.AuditLog;
import org.pomegranate.figures.Period;
import org.pomegranate.figures.PeriodRange;
import org.pomegranate.files.FileStore;
import org.pomegranate.files.FileType;
import org.pomegranate.files.StoredFileInfo;
import org.pomegranate.petition.PetitionLedger;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.shared.StaleEdits;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The monthly reports of an admin's subtree: opening the draft of a region and period, writing
 * its narrative, exporting it (a draft is generated from the live figures each time; a frozen
 * report hands back its files from the file store), and freezing it. Exports and freezes are audited; a
 * region or report outside the admin's scope answers 404.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasRole('ADMIN')")
public class ReportService {

	static final String ENTITY = "MonthlyReport";

	public static final String XLSX = FileType.XLSX.mediaType();

	public static final String DOCX = FileType.DOCX.mediaType();

	private static final String INSERT_DRAFT = """
			insert into monthly_report (region_code, period_kind, period_start, state, problems, plans, created_by)
			values (?, ?, ?, 'DRAFT', '', '', ?)
			on conflict (region_code, period_kind, period_start) where state = 'DRAFT' do nothing
			""";

	private final MonthlyReportRepository reports;

	private final ReportFigures figures;

	private final PetitionLedger ledger;

	private final RegionService regions;

	private final RegionScope scope;

	private final AuditLog auditLog;

	private final FileStore files;

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	private final Clock clock;

	ReportService(MonthlyReportRepository reports, ReportFigures figures, PetitionLedger ledger,
			RegionService regions, RegionScope scope, AuditLog auditLog, FileStore files, JdbcTemplate jdbc,
			JsonMapper json, Clock clock) {
		this.reports = reports;
		this.figures = figures;
		this.ledger = ledger;
		this.regions = regions;
		this.scope = scope;
		this.auditLog = auditLog;
		this.files = files;
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/** The reports of the admin's subtree, drafts and frozen, newest period first; no files loaded. */
	public List<ReportSummary> list() {
		return reports.summaries(scope.prefix() + "%");
	}

	public MonthlyReport get(long id) {
		return scope.check(reports.findById(id), ENTITY, id);
	}

	/** The months a report may be asked for: from the first record (visit, petition, pairing) to this month. */
	public PeriodRange periods() {
		return figures.periods();
	}

	/** The draft of the region and period, made if there is none; two admins at once get the same one. */
	@Transactional
	public MonthlyReport openDraft(String regionCode, Period period) {
		regions.get(regionCode);
		if (period.kind() == Period.Kind.RANGE) {
			throw new BusinessRuleException("report.error.period");
		}
		figures.periods().require(period);
		if (insertDraft(jdbc, regionCode, period, scope.currentUsername())) {
			auditLog.record(AuditAction.CREATE, ENTITY, regionCode + " " + period.code(), "草稿 " + period.label());
		}
		return reports.findByRegionCodeAndPeriodKindAndPeriodStartAndState(regionCode, period.kind(), period.from(),
				ReportState.DRAFT).orElseThrow();
	}

	/** Inserts the draft unless one exists; safe when several nodes or admins do it at once. */
	static boolean insertDraft(JdbcTemplate jdbc, String regionCode, Period period, String by) {
		return jdbc.update(INSERT_DRAFT, regionCode, period.kind().name(), Date.valueOf(period.from()), by) == 1;
	}

	@Transactional
	public MonthlyReport writeNarrative(long id, long version, String problems, String plans) {
		var report = get(id);
		StaleEdits.requireVersion(report.getVersion(), version, ENTITY, id);
		report.writeNarrative(problems.strip(), plans.strip(), clock.instant());
		return report;
	}

	/** The figures a report shows: a frozen report's stored ones, a draft's counted now. */
	public ReportData figures(MonthlyReport report) {
		if (report.isFrozen()) {
			return json.readValue(report.getFigures(), ReportData.class);
		}
		return figures.of(report.getRegionCode(), report.period());
	}

	@Transactional
	public ReportFile xlsx(long id) {
		var report = get(id);
		var data = figures(report);
		var bytes = report.isFrozen() ? frozenFile(report, FileType.XLSX) : workbook(data);
		auditLog.record(AuditAction.EXPORT, ENTITY, id, "工作情况汇报 .xlsx " + data.regionName() + data.periodLabel());
		return new ReportFile(filename(report, data, ".xlsx"), XLSX, bytes);
	}

	@Transactional
	public ReportFile docx(long id) {
		var report = get(id);
		var data = figures(report);
		var bytes = report.isFrozen() ? frozenFile(report, FileType.DOCX)
				: ReportDocument.write(data, report.getProblems(), report.getPlans());
		auditLog.record(AuditAction.EXPORT, ENTITY, id, "工作情况汇报 .docx " + data.regionName() + data.periodLabel());
		return new ReportFile(filename(report, data, ".docx"), DOCX, bytes);
	}

	/**
	 * The stored file of a frozen report, for the file store's one download endpoint; the
	 * download is audited as an export, like a draft's. Empty for a draft, whose files are made
	 * afresh each time.
	 */
	@Transactional
	public OptionalLong frozenFileId(long id, FileType type) {
		var report = get(id);
		if (!report.isFrozen()) {
			return OptionalLong.empty();
		}
		var data = figures(report);
		auditLog.record(AuditAction.EXPORT, ENTITY, id,
				"工作情况汇报 ." + type.name().toLowerCase(Locale.ROOT) + " " + data.regionName() + data.periodLabel());
		return OptionalLong.of(storedFile(report, type).id());
	}

	/** Freezes the draft: its figures and both files are stored as they are now, for good. */
	@Transactional
	public MonthlyReport freeze(long id, long version) {
		var report = get(id);
		StaleEdits.requireVersion(report.getVersion(), version, ENTITY, id);
		if (report.isFrozen()) {
			throw new BusinessRuleException("report.error.frozen");
		}
		var data = figures.of(report.getRegionCode(), report.period());
		// The files first, while the report row is still a draft: a frozen report's files cannot be added.
		storeFile(report, data, ".xlsx", workbook(data));
		storeFile(report, data, ".docx", ReportDocument.write(data, report.getProblems(), report.getPlans()));
		report.freeze(json.writeValueAsString(data), scope.currentUsername(), clock.instant());
		reports.flush();
		auditLog.record(AuditAction.FREEZE, ENTITY, id, "定稿 " + data.regionName() + data.periodLabel());
		return report;
	}

	private void storeFile(MonthlyReport report, ReportData data, String extension, byte[] content) {
		files.store(ReportFiles.KIND, report.getId(), report.getRegionCode(),
				ReportDocument.title(data) + "（定稿）" + extension, new ByteArrayInputStream(content));
	}

	/** A frozen report's file as it was frozen: a few hundred kilobytes, read whole like a draft's. */
	private byte[] frozenFile(MonthlyReport report, FileType type) {
		try (var content = files.open(storedFile(report, type).id())) {
			return content.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A frozen report's stored file of that type (a trigger makes sure it has both). */
	private StoredFileInfo storedFile(MonthlyReport report, FileType type) {
		return files.list(ReportFiles.KIND, report.getId())
			.stream()
			.filter(stored -> stored.type() == type)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("Frozen report " + report.getId() + " has no " + type));
	}

	/** The workbook with the period's petition ledger, personal data masked as in every export. */
	private byte[] workbook(ReportData data) {
		var period = Period.parse(data.periodCode());
		var names = regions.nameLookup();
		return ReportWorkbook.write(data,
				sink -> ledger.export(data.regionCode(), period.from(), period.to(), Locale.SIMPLIFIED_CHINESE,
						row -> sink.accept(Arrays.asList(row.number(), row.receivedOn(), row.source(),
								row.petitionerName(), row.maskedPhone(), names.apply(row.regionCode()), row.category(),
								row.title(), row.state(), row.outcome(), row.rating(), row.closedOn(),
								row.overdue() ? "是" : "否", row.backlog() ? "是" : "否"))));
	}

	private static String filename(MonthlyReport report, ReportData data, String extension) {
		return ReportDocument.title(data) + (report.isFrozen() ? "（定稿）" : "（草稿）") + extension;
	}

	/** A file to download. */
	public record ReportFile(String filename, String contentType, byte[] data) {
	}

}
