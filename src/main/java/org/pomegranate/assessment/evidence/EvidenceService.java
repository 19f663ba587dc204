package org.pomegranate.assessment.evidence;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.pomegranate.assessment.evidence.EvidenceForms.EvidenceForm;
import org.pomegranate.assessment.workflow.AssessmentAccess;
import org.pomegranate.assessment.workflow.AssessmentDrafts;
import org.pomegranate.assessment.workflow.HolderKind;
import org.pomegranate.audit.AuditAction;
import org.pomegranate.audit.AuditLog;
import org.pomegranate.files.FileRefusal;
import org.pomegranate.files.FileStore;
import org.pomegranate.files.Upload;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.CurrentRoles;
import org.pomegranate.shared.FieldProblems;
import org.pomegranate.shared.RecordNotFoundException;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.shared.StaleEdits;
import org.pomegranate.shared.SubmissionTokens;
import org.pomegranate.unit.CampaignUnits;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The holder's evidence library (佐证材料库) as its people write it: staff and admins make pieces
 * for a region or unit of their subtree, with photos, documents and MP4 videos, and correct them.
 * Each file is checked with the form, before anything is written; a piece outside the user's
 * subtree answers as a missing one (404). Reading is {@link EvidenceReading}'s.
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

	private final RegionScope scope;

	private final RegionService regions;

	private final CampaignUnits units;

	private final AssessmentAccess assessments;

	private final AssessmentDrafts drafts;

	private final SubmissionTokens submissions;

	private final AuditLog auditLog;

	private final Clock clock;

	private final JdbcClient jdbc;

	EvidenceService(EvidenceRepository evidence, FileStore files, RegionScope scope, RegionService regions,
			CampaignUnits units, AssessmentAccess assessments, AssessmentDrafts drafts, SubmissionTokens submissions,
			AuditLog auditLog, Clock clock, JdbcClient jdbc) {
		this.evidence = evidence;
		this.files = files;
		this.scope = scope;
		this.regions = regions;
		this.units = units;
		this.assessments = assessments;
		this.drafts = drafts;
		this.submissions = submissions;
		this.auditLog = auditLog;
		this.clock = clock;
		this.jdbc = jdbc;
	}

	/** A holder a form may offer: its key ({@link Holders}) and its name. */
	public record HolderOption(String key, String name) {
	}

	/** Whether the signed-in user may make and correct pieces: the holder's people, staff and admins. */
	public boolean mayWrite() {
		return CurrentRoles.anyOf("STAFF", "ADMIN");
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

	/**
	 * 移除文件: takes a file off a piece, so that the piece, the library and later submissions no
	 * longer show or freeze it; a submission that froze it keeps it, and the piece's page lists it
	 * as removed, by whom and when. Sent twice, it is removed once; a file of another piece is none.
	 */
	@Transactional
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
	public Evidence removeFile(long id, long fileId) {
		var piece = get(id);
		var file = EvidenceFiles.of(files, List.of(id))
			.getOrDefault(id, List.of())
			.stream()
			.filter(stored -> stored.id() == fileId)
			.findFirst()
			.orElseThrow(() -> new RecordNotFoundException("file", fileId));
		int removed = jdbc.sql("""
				insert into evidence_file_removal (file_id, evidence_id, removed_by) values (?, ?, ?)
				on conflict (file_id) do nothing""")
			.params(fileId, id, scope.currentUsername())
			.update();
		if (removed > 0) {
			auditLog.record(AuditAction.UPDATE, EvidenceLibrary.ENTITY, id,
					"佐证材料移除文件：" + file.filename() + "（" + piece.getTitle() + "）");
		}
		return piece;
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

}
