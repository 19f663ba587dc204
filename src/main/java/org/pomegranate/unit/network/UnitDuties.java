package org.pomegranate.unit.network;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.pomegranate.audit.AuditAction;
import org.pomegranate.audit.AuditLog;
import org.pomegranate.files.FileStore;
import org.pomegranate.files.StoredFileInfo;
import org.pomegranate.files.Upload;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.FieldProblems;
import org.pomegranate.shared.FormText;
import org.pomegranate.shared.IntegrityViolations;
import org.pomegranate.shared.SubmissionTokens;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * A unit's duty statement (规程、职责), a new version per change with its document if any, and the
 * photos of it on the wall (上墙), stored with the record that owns them in one transaction; the
 * first photo marks 规程上墙 done.
 */
@Service
@Validated
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('STAFF', 'SUPERVISOR', 'ADMIN')")
public class UnitDuties {

	static final String ENTITY = "UnitDutyStatement";

	static final String WALL_PHOTO = "UnitWallPhoto";

	static final int MAX_DOCUMENTS = 3;

	static final int MAX_PHOTOS = 10;

	private final UnitRegistration registration;

	private final CampaignUnitRepository units;

	private final DutyStatementRepository statements;

	private final FileStore files;

	private final UnitHistory history;

	private final AuditLog auditLog;

	private final SubmissionTokens submissions;

	private final Clock clock;

	UnitDuties(UnitRegistration registration, CampaignUnitRepository units, DutyStatementRepository statements,
			FileStore files, UnitHistory history, AuditLog auditLog, SubmissionTokens submissions, Clock clock) {
		this.registration = registration;
		this.units = units;
		this.statements = statements;
		this.files = files;
		this.history = history;
		this.auditLog = auditLog;
		this.submissions = submissions;
		this.clock = clock;
	}

	/** The versions of the duty statement, the one in force first. */
	public List<DutyStatement> statementsOf(long unitId) {
		registration.get(unitId);
		return statements.findByUnitIdOrderByVersionNoDesc(unitId);
	}

	/** The documents of versions already shown (so of a unit in scope), by statement id. */
	public Map<Long, List<StoredFileInfo>> documentsOf(List<DutyStatement> shown) {
		return files.list(DutyDocuments.KIND, shown.stream().map(DutyStatement::getId).toList());
	}

	public List<StoredFileInfo> wallPhotosOf(long unitId) {
		registration.get(unitId);
		return files.list(WallPhotos.KIND, unitId);
	}

	@Transactional
	@PreAuthorize("hasAnyRole('STAFF', 'ADMIN')")
	public DutyStatement addStatement(long unitId, @Valid DutyForm form, List<Upload> documents) {
		var unit = registration.get(unitId);
		var claim = submissions.claim(form.submission(), ENTITY);
		if (claim.earlier().isPresent()) {
			return statements.findById(claim.earlierId().orElseThrow()).orElseThrow();
		}
		var problems = new FieldProblems();
		unit.refusal(UnitAction.ADD_DUTY_STATEMENT).ifPresent(key -> problems.reject("", key));
		checkUploads(DutyDocuments.KIND, documents, MAX_DOCUMENTS, "document", "unit.duty.error", problems);
		problems.throwIfAny();
		var statement = new DutyStatement(unit, statements.lastVersionNo(unitId) + 1,
				Objects.requireNonNull(FormText.clean(form.title())), Objects.requireNonNull(FormText.clean(form.body())),
				Objects.requireNonNull(FormText.date(form.adoptedOn())), registration.currentUsername());
		try {
			statement = statements.saveAndFlush(statement);
		}
		catch (DataIntegrityViolationException ex) {
			// Two versions written at the same moment: the second is asked to look again.
			if (IntegrityViolations.isDuplicate(ex)) {
				throw new OptimisticLockingFailureException("Duty statement of unit " + unitId + " written concurrently", ex);
			}
			throw ex;
		}
		claim.made(statement.getId());
		for (var document : documents) {
			files.store(DutyDocuments.KIND, statement.getId(), unit.getRegionCode(), document);
		}
		history.record(unitId, UnitEvent.Action.DUTY_STATEMENT, "第 " + statement.getVersionNo() + " 版 "
				+ statement.getTitle() + (documents.isEmpty() ? "" : "，附件 " + documents.size() + " 份"));
		auditLog.record(AuditAction.CREATE, ENTITY, statement.getId(), unit.getName() + " 第 " + statement.getVersionNo() + " 版");
		return statement;
	}

	/** Photos of the duty statement on the wall; the first ever stored marks 规程上墙 done today. */
	@Transactional
	@PreAuthorize("hasAnyRole('STAFF', 'ADMIN')")
	public CampaignUnit addWallPhotos(long unitId, @Nullable UUID submission, List<Upload> photos) {
		var unit = registration.get(unitId);
		var claim = submissions.claim(submission, WALL_PHOTO);
		if (claim.earlier().isPresent()) {
			return unit;
		}
		var problems = new FieldProblems();
		unit.refusal(UnitAction.ADD_WALL_PHOTO).ifPresent(key -> problems.reject("", key));
		if (photos.isEmpty()) {
			problems.reject("photos", "unit.wall.error.none");
		}
		checkUploads(WallPhotos.KIND, photos, MAX_PHOTOS, "photos", "unit.wall.error", problems);
		problems.throwIfAny();
		for (var photo : photos) {
			files.store(WallPhotos.KIND, unitId, unit.getRegionCode(), photo);
		}
		boolean first = unit.wallPhotoStored(ChinaTime.today(clock));
		units.saveAndFlush(unit);
		claim.made(unitId);
		history.record(unitId, UnitEvent.Action.WALL_PHOTO, photos.size() + " 张" + (first ? "，规程上墙" : ""));
		auditLog.record(AuditAction.UPDATE, UnitRegistration.ENTITY, unitId, unit.getName() + " 上墙照片 " + photos.size() + " 张");
		return unit;
	}

	private void checkUploads(String ownerKind, List<Upload> uploads, int max, String field, String prefix,
			FieldProblems problems) {
		if (uploads.size() > max) {
			problems.reject(field, prefix + ".tooMany");
		}
		for (var upload : uploads) {
			files.check(ownerKind, upload).ifPresent(refusal -> problems.reject(field, switch (refusal) {
				case EMPTY -> prefix + ".empty";
				case TOO_BIG -> prefix + ".tooBig";
				case WRONG_TYPE -> prefix + ".type";
			}));
		}
	}

}
