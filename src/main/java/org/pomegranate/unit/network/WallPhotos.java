package org.pomegranate.unit.network;

import java.util.List;

import org.pomegranate.files.FileKind;
import org.pomegranate.files.FileOwner;
import org.pomegranate.shared.RegionScope;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * A unit owns the photos of its duty statement on the wall (规程上墙) in the file store: whoever may
 * see the unit may see them. The first one stored marks 规程上墙 done.
 */
@Component
class WallPhotos implements FileOwner {

	static final String KIND = "unit-wall";

	private final CampaignUnitRepository units;

	private final RegionScope scope;

	WallPhotos(CampaignUnitRepository units, RegionScope scope) {
		this.units = units;
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
		return List.of("/units/{id}/photos");
	}

	@Override
	@PreAuthorize("hasAnyRole('STAFF', 'SUPERVISOR', 'ADMIN')")
	public boolean maySee(long ownerId) {
		return units.findById(ownerId).filter(unit -> scope.contains(unit.getRegionCode())).isPresent();
	}

}
