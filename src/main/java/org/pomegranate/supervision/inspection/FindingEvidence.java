package org.pomegranate.supervision.inspection;

import java.util.List;
import java.util.Set;

import org.pomegranate.files.FileKind;
import org.pomegranate.files.FileOwner;
import org.pomegranate.files.FileType;
import org.springframework.context.annotation.Lazy;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/** A finding's evidence (photos, documents) in the file store: whoever may see the finding may see it. */
@Component
class FindingEvidence implements FileOwner {

	static final String KIND = "inspection-finding";

	private final Inspections inspections;

	FindingEvidence(@Lazy Inspections inspections) {
		this.inspections = inspections;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public FileKind fileKind() {
		return FileKind.DOCUMENT;
	}

	@Override
	public Set<FileType> accepts() {
		return Set.of(FileType.JPEG, FileType.PNG, FileType.PDF);
	}

	@Override
	public List<String> uploadPaths() {
		return List.of("/inspections/{id}/findings");
	}

	@Override
	@PreAuthorize("hasAnyRole('STAFF', 'SUPERVISOR', 'ADMIN')")
	public boolean maySee(long ownerId) {
		return inspections.maySeeFinding(ownerId);
	}

}
