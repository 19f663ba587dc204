package org.pomegranate.activity.ledger;

import java.util.List;

import org.pomegranate.files.FileKind;
import org.pomegranate.files.FileOwner;
import org.pomegranate.shared.RegionScope;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/** An activity owns its photos in the file store (JPG/PNG up to 5 MB): whoever may see the activity may see them. */
@Component
class ActivityPhotos implements FileOwner {

	static final String KIND = "activity-photo";

	private final ActivityRepository activities;

	private final RegionScope scope;

	ActivityPhotos(ActivityRepository activities, RegionScope scope) {
		this.activities = activities;
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
		return List.of("/activities", "/activities/{id}", "/activities/{id}/files");
	}

	@Override
	@PreAuthorize("hasAnyRole('STAFF', 'SUPERVISOR', 'ADMIN')")
	public boolean maySee(long ownerId) {
		return activities.findById(ownerId).filter(activity -> scope.contains(activity.getRegionCode())).isPresent();
	}

}
