package org.pomegranate.assessment.evidence;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.pomegranate.assessment.evidence.EvidenceForms.EvidenceForm;
import org.pomegranate.assessment.evidence.EvidenceForms.EvidenceQuery;
import org.pomegranate.assessment.framework.EvidenceKind;
import org.pomegranate.assessment.workflow.AssessmentAccess;
import org.pomegranate.assessment.workflow.AssessmentDrafts;
import org.pomegranate.assessment.workflow.HolderKind;
import org.pomegranate.audit.AuditAction;
import org.pomegranate.audit.AuditLog;
import org.pomegranate.files.FileRefusal;
import org.pomegranate.files.FileStore;
import org.pomegranate.files.StoredFileInfo;
import org.pomegranate.files.Upload;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.CurrentRoles;
import org.pomegranate.shared.FieldProblems;
import org.pomegranate.shared.OutOfScopeException;
import org.pomegranate.shared.RecordNotFoundException;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.shared.StaleEdits;
import org.pomegranate.shared.SubmissionTokens;
import org.pomegranate.unit.CampaignUnits;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The holder's evidence library (佐证材料库) as its users work it: staff and admins make pieces for
 * a region or unit of their subtree, with photos, documents and MP4 videos, and correct them;
 * supervisors read their subtree; a reviewer reads a piece only while it is in the latest
 * submission of an assessment they hold a live assignment to. Anything else answers as a
 * missing piece (404). Each file is checked with the form, before anything is written.
 */
@Service
@Validated
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'STAFF', 'REVIEWER')")
public class EvidenceService {

	static final String SUBMISSION_KIND = "evidence";

	static final String FILES_SUBMISSION_KIND = "evidence-files";

	/** Files one form may bring at once. */
	static final int MAX_FILES_AT_ONCE = 10;

	private final EvidenceRepository evidence;

	private final FileStore files;

	private final JdbcClient jdbc;

	private final RegionScope scope;

	private final RegionService regions;

	private final CampaignUnits units;

	private final AssessmentAccess assessments;

	private final AssessmentDrafts drafts;

	private final SubmissionTokens submissions;

	private final AuditLog auditLog;

	private final Clock clock;

	EvidenceService(EvidenceRepository evidence, FileStore files, JdbcClient jdbc, RegionScope scope, RegionService regions,
			CampaignUnits units, AssessmentAccess assessments, AssessmentDrafts drafts, SubmissionTokens submissions,
			AuditLog auditLog, Clock clock) {
		this.evidence = evidence;
		this.files = files;
		this.jdbc = jdbc;
		this.scope = scope;
		this.regions = regions;
		this.units = units;
		this.assessments = assessments;
		this.drafts = drafts;
		this.submissions = submissions;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** A holder a form may offer: its key ({@link Holders}) and its name. */
	public record HolderOption(String key, String name) {
	}

	/** Where a piece is used: one article of one assessment. */
	public record Citation(long evidenceId, long assessmentId, String holderName, int year, String purpose, long nodeId,
			String nodeCode, String nodeTitle) {
	}

	/** A piece as the library lists it: its holder's name, its files and where it is used. */
	public record EvidenceRow(Evidence piece, String holderName, List<StoredFileInfo> files, List<Citation> citations) {

		public long totalBytes() {
			return files.stream().mapToLong(StoredFileInfo::sizeBytes).sum();
		}

	}

	/** A page of the library with the number of pieces of each kind among all that match. */
	public record Library(Page<EvidenceRow> rows, Map<EvidenceKind, Long> byKind) {
	}

	/** Whether the signed-in user may make and correct pieces: the holder's people, staff and admins. */
	public boolean mayWrite() {
		return CurrentRoles.anyOf("STAFF", "ADMIN");
	}

	/** Whether the signed-in user may browse the library: record keepers, not reviewers. */
	public boolean mayBrowse() {
		return CurrentRoles.anyOf("STAFF", "SUPERVISOR", "ADMIN");
	}

	public LocalDate today() {
		return ChinaTime.today(clock);
	}

	/** The holders the user may make evidence for: the regions of their subtree down to townships, then its units. */
	public List<HolderOption> holderOptions() {
		var options = new ArrayList<HolderOption>();
		for (var region : regions.selectable(org.pomegranate.shared.RegionLevel.TOWNSHIP)) {
			options.add(new HolderOption(Holders.key(HolderKind.REGION, region.getCode(), null), region.getName()));
		}
		for (var unit : units.search(null, scope.prefix(), null, 500)) {
			options.add(new HolderOption(Holders.key(HolderKind.UNIT, unit.regionCode(), unit.id()), unit.name()));
		}
		return options;
	}

	/** The holder of an assessment the user may see, as a form names it (the default of a piece made for it). */
	public String holderOf(long assessmentId) {
		var assessment = assessments.get(assessmentId);
		return Holders.key(assessment.getHolderKind(), assessment.getHolderRegionCode(), assessment.getUnitId());
	}

	/**
	 * 新建: the piece with its files, and, when made from a self-assessment page, its link to that
	 * article. A double submit gives the first piece.
	 */
	@Transactional
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
	public Evidence create(@Valid EvidenceForm form, List<Upload> uploads) {
		var claim = submissions.claim(form.submission(), SUBMISSION_KIND);
		var earlier = claim.earlierId();
		if (earlier.isPresent()) {
			return get(earlier.get());
		}
		var problems = new FieldProblems();
		var holder = holder(form.holder(), problems);
		var owners = owners(uploads, problems);
		problems.throwIfAny();
		var piece = evidence.saveAndFlush(new Evidence(holder.kind(), holder.regionCode(), holder.unitId(), form.cleanTitle(),
				Objects.requireNonNull(form.kind()), form.madeOnDate(), form.cleanDescription(), scope.currentUsername()));
		store(piece, uploads, owners);
		claim.made(piece.getId());
		auditLog.record(AuditAction.CREATE, EvidenceLibrary.ENTITY, piece.getId(),
				"新建佐证材料：" + piece.getTitle() + "（" + holder.name() + "，文件 " + uploads.size() + " 个）");
		if (form.assessmentId() != null && form.nodeId() != null) {
			drafts.linkEvidence(form.assessmentId(), form.nodeId(), piece.getId());
		}
		return piece;
	}

	/** 修改 the title, kind, day made and description; the holder stays (its links depend on it). */
	@Transactional
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
	public Evidence edit(long id, @Valid EvidenceForm form) {
		var piece = get(id);
		StaleEdits.requireVersion(piece.getVersion(), StaleEdits.versionOf(form.version()), EvidenceLibrary.ENTITY, id);
		piece.describe(form.cleanTitle(), Objects.requireNonNull(form.kind()), form.madeOnDate(), form.cleanDescription());
		evidence.saveAndFlush(piece);
		auditLog.record(AuditAction.UPDATE, EvidenceLibrary.ENTITY, id, "修改佐证材料：" + piece.getTitle());
		return piece;
	}

	/** 添加文件 to a piece; the same form sent twice stores them once. */
	@Transactional
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
	public Evidence addFiles(long id, @Nullable UUID submission, List<Upload> uploads) {
		var piece = get(id);
		var claim = submissions.claim(submission, FILES_SUBMISSION_KIND);
		if (claim.earlier().isPresent()) {
			return piece;
		}
		var problems = new FieldProblems();
		if (uploads.isEmpty()) {
			problems.reject("files", "evidence.files.none");
		}
		var owners = owners(uploads, problems);
		problems.throwIfAny();
		store(piece, uploads, owners);
		claim.made(id);
		auditLog.record(AuditAction.UPDATE, EvidenceLibrary.ENTITY, id,
				"佐证材料添加文件 " + uploads.size() + " 个：" + piece.getTitle());
		return piece;
	}

	/** The library of the user's subtree, filtered, newest made first; reviewers have none to browse. */
	@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'STAFF')")
	public Library list(EvidenceQuery query, Pageable pageable) {
		var where = new StringBuilder("where e.holder_region_code like :prefix");
		var params = new LinkedHashMap<String, Object>();
		params.put("prefix", like(scope.prefix()));
		var region = query.region() == null ? "" : query.region().strip();
		if (region.matches("\\d{2,12}")) {
			where.append(" and e.holder_region_code like :region");
			params.put("region", like(region));
		}
		if (query.kind() != null) {
			where.append(" and e.kind = :kind");
			params.put("kind", query.kind().name());
		}
		var text = query.q() == null ? "" : query.q().strip();
		if (!text.isEmpty()) {
			where.append(" and (e.title ilike :text or e.description ilike :text)");
			params.put("text", "%" + escape(text.length() > 100 ? text.substring(0, 100) : text) + "%");
		}
		var byKind = new LinkedHashMap<EvidenceKind, Long>();
		jdbc.sql("select e.kind, count(*) from evidence e " + where + " group by e.kind")
			.params(params)
			.query((row, n) -> Map.entry(EvidenceKind.valueOf(row.getString(1)), row.getLong(2)))
			.list()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.forEach(entry -> byKind.put(entry.getKey(), entry.getValue()));
		long total = byKind.values().stream().mapToLong(Long::longValue).sum();
		var ids = jdbc.sql("select e.id from evidence e " + where + " order by e.made_on desc, e.id desc limit :limit offset :offset")
			.params(params)
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query(Long.class)
			.list();
		return new Library(new PageImpl<>(rows(ids, null), pageable, total), byKind);
	}

	/** One piece with its files and where it is used, if the user may see it; otherwise the same 404 as for none. */
	public EvidenceRow show(long id) {
		var piece = visible(id);
		var reviewed = reviewedAssessments(id);
		var row = rows(List.of(piece.getId()), reviewed).get(0);
		if (reviewed == null) {
			return row;
		}
		// A reviewer reads the files as the submissions they review hold them.
		var frozen = new HashSet<Long>(jdbc.sql("""
				select s.file_id from evidence_snapshot s
				where s.evidence_id = :id and s.assessment_id in (:assessments)
				  and s.submission = (select max(t.submission) from evidence_snapshot t where t.assessment_id = s.assessment_id)""")
			.param("id", id)
			.param("assessments", reviewed)
			.query(Long.class)
			.list());
		return new EvidenceRow(row.piece(), row.holderName(),
				row.files().stream().filter(file -> frozen.contains(file.id())).toList(), row.citations());
	}

	/** The form of the piece as it is now, for its page. */
	public EvidenceForm editForm(long id) {
		return EvidenceForm.of(visible(id));
	}

	/** Whether the signed-in user may see the piece (and download its files): false for none at all. */
	public boolean maySee(long id) {
		try {
			visible(id);
			return true;
		}
		catch (RecordNotFoundException ex) {
			return false;
		}
	}

	/** The piece as the signed-in user may see it: in scope, or for a reviewer through a live assignment. */
	Evidence visible(long id) {
		if (!CurrentRoles.anyOf("REVIEWER")) {
			return get(id);
		}
		var piece = evidence.findById(id).orElseThrow(() -> new RecordNotFoundException(EvidenceLibrary.ENTITY, id));
		var reviewed = reviewedAssessments(id);
		if (reviewed == null || reviewed.isEmpty()) {
			throw new OutOfScopeException(EvidenceLibrary.ENTITY, id);
		}
		return piece;
	}

	/**
	 * For a reviewer, the assessments whose latest submission holds the piece and to which they
	 * hold a live assignment; null for anyone else (who sees by scope).
	 */
	private @Nullable List<Long> reviewedAssessments(long id) {
		if (!CurrentRoles.anyOf("REVIEWER")) {
			return null;
		}
		var username = scope.currentUsername();
		return jdbc.sql("""
				select distinct s.assessment_id from evidence_snapshot s
				where s.evidence_id = ?
				  and s.submission = (select max(t.submission) from evidence_snapshot t where t.assessment_id = s.assessment_id)
				order by 1""")
			.param(id)
			.query(Long.class)
			.list()
			.stream()
			.filter(assessment -> assessments.assigned(username, assessment))
			.toList();
	}

	/** A piece in the user's scope; outside it, the same 404 as for none. */
	Evidence get(long id) {
		return scope.check(evidence.findById(id), EvidenceLibrary.ENTITY, id);
	}

	private record Holder(HolderKind kind, String regionCode, @Nullable Long unitId, String name) {
	}

	/** The holder a form names: a region or a unit of the user's subtree. */
	private Holder holder(@Nullable String key, FieldProblems problems) {
		var text = key == null ? "" : key.strip();
		if (text.startsWith("R:")) {
			var code = text.substring(2);
			var region = code.matches("\\d{2,12}") && scope.contains(code) ? regions.find(code) : Optional.<org.pomegranate.region.Region>empty();
			if (region.isPresent()) {
				return new Holder(HolderKind.REGION, code, null, region.get().getName());
			}
		}
		else if (text.startsWith("U:") && text.substring(2).matches("\\d{1,18}")) {
			var unit = units.find(Long.parseLong(text.substring(2)));
			if (unit.isPresent() && scope.contains(unit.get().regionCode())) {
				return new Holder(HolderKind.UNIT, unit.get().regionCode(), unit.get().id(), unit.get().name());
			}
		}
		problems.reject("holder", "evidence.error.holder");
		return new Holder(HolderKind.REGION, scope.prefix(), null, "");
	}

	/**
	 * The owner kind each upload goes to, checked before anything is written: photos and documents
	 * up to 20 MB, MP4 videos up to 200 MB; anything else is refused beside the files field.
	 */
	private List<String> owners(List<Upload> uploads, FieldProblems problems) {
		if (uploads.size() > MAX_FILES_AT_ONCE) {
			problems.reject("files", "evidence.files.tooMany");
		}
		var owners = new ArrayList<String>();
		for (var upload : uploads) {
			var asDocument = files.check(Evidence.FILE_OWNER, upload);
			if (asDocument.isEmpty()) {
				owners.add(Evidence.FILE_OWNER);
				continue;
			}
			if (asDocument.get() == FileRefusal.EMPTY) {
				problems.reject("files", "evidence.files.empty");
				continue;
			}
			var asVideo = files.check(Evidence.VIDEO_OWNER, upload);
			if (asVideo.isEmpty()) {
				owners.add(Evidence.VIDEO_OWNER);
				continue;
			}
			if (asVideo.get() == FileRefusal.TOO_BIG) {
				problems.reject("files", "evidence.files.tooBigVideo");
			}
			else if (asDocument.get() == FileRefusal.TOO_BIG) {
				problems.reject("files", "evidence.files.tooBigDocument");
			}
			else {
				problems.reject("files", "evidence.files.type");
			}
		}
		return owners;
	}

	private void store(Evidence piece, List<Upload> uploads, List<String> owners) {
		for (int i = 0; i < uploads.size(); i++) {
			files.store(owners.get(i), piece.getId(), piece.getHolderRegionCode(), uploads.get(i));
		}
	}

	/** Rows of the pieces in the order given; {@code reviewed} limits the citations to those assessments. */
	private List<EvidenceRow> rows(List<Long> ids, @Nullable List<Long> reviewed) {
		if (ids.isEmpty()) {
			return List.of();
		}
		var byId = new LinkedHashMap<Long, Evidence>();
		evidence.findAllById(ids).forEach(piece -> byId.put(piece.getId(), piece));
		var stored = EvidenceFiles.of(files, ids);
		var citations = citations(ids, reviewed);
		var regionNames = regions.names(byId.values().stream().map(Evidence::getHolderRegionCode).distinct().toList());
		var rows = new ArrayList<EvidenceRow>();
		for (var id : ids) {
			var piece = byId.get(id);
			if (piece == null) {
				continue;
			}
			var name = piece.getUnitId() == null ? regionNames.getOrDefault(piece.getHolderRegionCode(), piece.getHolderRegionCode())
					: units.find(piece.getUnitId()).map(CampaignUnits.UnitRef::name).orElse("—");
			rows.add(new EvidenceRow(piece, name, stored.getOrDefault(id, List.of()),
					citations.stream().filter(citation -> citation.evidenceId() == id).toList()));
		}
		return rows;
	}

	private List<Citation> citations(Collection<Long> ids, @Nullable List<Long> reviewed) {
		if (reviewed != null && reviewed.isEmpty()) {
			return List.of();
		}
		var sql = """
				select l.evidence_id, a.id, a.holder_name, a.year, a.purpose, n.id, n.code, n.title
				from assessment_evidence l join assessment a on a.id = l.assessment_id join indicator_node n on n.id = l.node_id
				where l.evidence_id in (:ids)""" + (reviewed == null ? "" : " and a.id in (:reviewed)")
				+ " order by a.year desc, a.id, n.position, n.id";
		var statement = jdbc.sql(sql).param("ids", ids);
		if (reviewed != null) {
			statement = statement.param("reviewed", reviewed);
		}
		return statement.query((row, n) -> new Citation(row.getLong(1), row.getLong(2), row.getString(3), row.getInt(4),
				row.getString(5), row.getLong(6), row.getString(7), row.getString(8))).list();
	}

	private static String like(String prefix) {
		return escape(prefix) + "%";
	}

	private static String escape(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
