package org.pomegranate.unit.naming;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.pomegranate.account.Role;
import org.pomegranate.audit.AuditAction;
import org.pomegranate.audit.AuditLog;
import org.pomegranate.files.FileStore;
import org.pomegranate.files.StoredFileInfo;
import org.pomegranate.files.Upload;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.FieldProblems;
import org.pomegranate.shared.SubmissionTokens;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The files of an application (申报材料), added by the staff and admins who see the title while it
 * is 申报中; once decided (named or not), the materials it was decided on stay as they were.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('STAFF', 'SUPERVISOR', 'ADMIN')")
public class NamingMaterials {

	static final String ENTITY = "NamingMaterial";

	static final int MAX_FILES = 10;

	private final NamingSteps steps;

	private final FileStore files;

	private final SubmissionTokens submissions;

	private final AuditLog auditLog;

	NamingMaterials(NamingSteps steps, FileStore files, SubmissionTokens submissions, AuditLog auditLog) {
		this.steps = steps;
		this.files = files;
		this.submissions = submissions;
		this.auditLog = auditLog;
	}

	public List<StoredFileInfo> of(long namingId) {
		steps.get(namingId);
		return files.list(ApplicationMaterials.KIND, namingId);
	}

	/** Why the signed-in user may not add materials to {@code naming} now, as a message key; empty when they may. */
	public Optional<String> refusal(Naming naming) {
		var role = steps.actor().role();
		if (role != Role.STAFF && role != Role.ADMIN) {
			return Optional.of("naming.refused.role");
		}
		return naming.getState() == NamingState.APPLIED ? Optional.empty() : Optional.of("naming.materials.refused.decided");
	}

	/** Stores {@code uploads} with the application; a repeated submission stores nothing again. */
	@Transactional
	@PreAuthorize("hasAnyRole('STAFF', 'ADMIN')")
	public Naming add(long namingId, @Nullable UUID submission, List<Upload> uploads) {
		var naming = steps.get(namingId);
		var claim = submissions.claim(submission, ENTITY);
		if (claim.earlier().isPresent()) {
			return naming;
		}
		var refused = refusal(naming);
		if (refused.isPresent()) {
			throw new BusinessRuleException(refused.get());
		}
		var problems = new FieldProblems();
		if (uploads.isEmpty()) {
			problems.reject("materials", "naming.materials.error.none");
		}
		if (files.list(ApplicationMaterials.KIND, namingId).size() + uploads.size() > MAX_FILES) {
			problems.reject("materials", "naming.materials.error.tooMany");
		}
		for (var upload : uploads) {
			files.check(ApplicationMaterials.KIND, upload).ifPresent(refusal -> problems.reject("materials", switch (refusal) {
				case EMPTY -> "naming.materials.error.empty";
				case TOO_BIG -> "naming.materials.error.tooBig";
				case WRONG_TYPE -> "naming.materials.error.type";
			}));
		}
		problems.throwIfAny();
		for (var upload : uploads) {
			files.store(ApplicationMaterials.KIND, namingId, naming.getRegionCode(), upload);
		}
		claim.made(namingId);
		auditLog.record(AuditAction.UPDATE, NamingSteps.ENTITY, namingId,
				naming.getHolderName() + " " + naming.getTitle() + " 申报材料 " + uploads.size() + " 份");
		return naming;
	}

}
