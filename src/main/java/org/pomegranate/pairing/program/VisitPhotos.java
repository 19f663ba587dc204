package org.pomegranate.pairing.program;

import java.util.List;

import org.pomegranate.files.FileKind;
import org.pomegranate.files.FileOwner;
import org.pomegranate.shared.RegionScope;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * Visits own their photos in the file store: whoever may see the visit may see its photos.
 */
@Component
class VisitPhotos implements FileOwner {

	static final String KIND = "visit";

	private final VisitRepository visits;

	private final RegionScope scope;

	VisitPhotos(VisitRepository visits, RegionScope scope) {
		this.visits = visits;
		this.scope = scope;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public FileKind fileKind() {
		return FileKind.PHOTO;
	}

	@Override
	public List<String> uploadPaths() {
		return List.of("/pairings/{id}/visits");
	}

	@Override
	@PreAuthorize("hasAnyRole('STAFF', 'SUPERVISOR', 'ADMIN')")
	public boolean maySee(long ownerId) {
		return visits.findById(ownerId).filter(visit -> scope.contains(visit.getRegionCode())).isPresent();
	}

}
