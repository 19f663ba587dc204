package org.pomegranate.supervision.inspection;

import java.util.List;
import java.util.Set;

import org.pomegranate.files.FileKind;
import org.pomegranate.files.FileOwner;
import org.pomegranate.files.FileType;
import org.pomegranate.shared.RegionScope;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/** The evidence of a rectification's report, on its step: whoever may see the rectification may see it. */
@Component
class RectificationFiles implements FileOwner {

	static final String KIND = "rectification-step";

	private final RectificationStepRepository steps;

	private final RegionScope scope;

	RectificationFiles(RectificationStepRepository steps, RegionScope scope) {
		this.steps = steps;
		this.scope = scope;
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
		return List.of("/rectifications/{id}/report");
	}

	@Override
	@PreAuthorize("hasAnyRole('STAFF', 'SUPERVISOR', 'ADMIN')")
	public boolean maySee(long ownerId) {
		return steps.findById(ownerId).filter(step -> scope.contains(step.getRegionCode())).isPresent();
	}

}
