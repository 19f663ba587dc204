package org.pomegranate.files.store;

import org.pomegranate.audit.AuditLog;
import org.pomegranate.files.FileOwner;
import org.pomegranate.files.FileStore;
import org.pomegranate.files.StoredFileInfo;
import org.pomegranate.shared.RecordNotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Whether the signed-in user may download a file: exactly when its owner's module says they may
 * see the owner record. A file they may not see answers like one that does not exist (the same
 * exception, so the same 404 page), and the attempt is written to the audit log. An owner that
 * refuses the user's role outright (a reviewer asking for a visit photo) answers the same way, so
 * that a reviewer cannot tell a file that exists from one that does not.
 */
@Component
public class FileAccess {

	static final String ENTITY = "StoredFile";

	private final FileStore files;

	private final FileOwners owners;

	private final AuditLog auditLog;

	FileAccess(FileStore files, FileOwners owners, AuditLog auditLog) {
		this.files = files;
		this.owners = owners;
		this.auditLog = auditLog;
	}

	public StoredFileInfo visible(long id) {
		var file = files.find(id).orElseThrow(() -> new RecordNotFoundException(ENTITY, id));
		var owner = owners.find(file.ownerKind());
		if (owner.isEmpty() || !maySee(owner.get(), file.ownerId(), file.id())) {
			auditLog.recordOutOfScope(ENTITY, String.valueOf(id));
			throw new RecordNotFoundException(ENTITY, id);
		}
		return file;
	}

	private static boolean maySee(FileOwner owner, long ownerId, long fileId) {
		try {
			return owner.maySee(ownerId) && owner.maySeeFile(ownerId, fileId);
		}
		catch (AccessDeniedException ex) {
			return false;
		}
	}

}
