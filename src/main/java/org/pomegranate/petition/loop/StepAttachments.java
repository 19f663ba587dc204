package org.pomegranate.petition.loop;

import java.util.List;
import java.util.Set;

import org.pomegranate.files.FileKind;
import org.pomegranate.files.FileOwner;
import org.pomegranate.files.FileType;
import org.pomegranate.shared.RegionScope;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * Each step of the loop owns the files attached to it (a letter, a photo, a reply on paper) in
 * the file store: whoever may see the petition may see them.
 */
@Component
class StepAttachments implements FileOwner {

	static final String KIND = "petition-step";

	private final PetitionStepRepository steps;

	private final RegionScope scope;

	StepAttachments(PetitionStepRepository steps, RegionScope scope) {
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

	/** Registering, and every step of the petition page. */
	@Override
	public List<String> uploadPaths() {
		return List.of("/petitions", "/petitions/{id}/{step}");
	}

	@Override
	@PreAuthorize("hasAnyRole('STAFF', 'SUPERVISOR', 'ADMIN')")
	public boolean maySee(long ownerId) {
		return steps.findById(ownerId).filter(step -> scope.contains(step.getRegionCode())).isPresent();
	}

}
