package org.pomegranate.activity.ledger;

import java.util.List;

import org.pomegranate.files.FileKind;
import org.pomegranate.files.FileOwner;
import org.pomegranate.shared.RegionScope;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/** An activity owns its materials in the file store (PDF, Word, Excel or pictures up to 20 MB: 签到表、讲稿、通知): whoever may see the activity may see them. */
@Component
class ActivityMaterials implements FileOwner {

	static final String KIND = "activity-material";

	private final ActivityRepository activities;

	private final RegionScope scope;

	ActivityMaterials(ActivityRepository activities, RegionScope scope) {
		this.activities = activities;
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
	public List<String> uploadPaths() {
		return List.of("/activities", "/activities/{id}", "/activities/{id}/files");
	}

	@Override
	@PreAuthorize("hasAnyRole('STAFF', 'SUPERVISOR', 'ADMIN')")
	public boolean maySee(long ownerId) {
		return activities.findById(ownerId).filter(activity -> scope.contains(activity.getRegionCode())).isPresent();
	}

}
