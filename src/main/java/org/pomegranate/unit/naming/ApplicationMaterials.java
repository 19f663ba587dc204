package org.pomegranate.unit.naming;

import java.util.List;

import org.pomegranate.files.FileKind;
import org.pomegranate.files.FileOwner;
import org.pomegranate.shared.RegionScope;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * A title owns the files of its application (申报材料: the report, photos, the ledgers it rests on)
 * in the file store: whoever may see the title may see them.
 */
@Component
class ApplicationMaterials implements FileOwner {

	static final String KIND = "naming-material";

	private final NamingRepository namings;

	private final RegionScope scope;

	ApplicationMaterials(NamingRepository namings, RegionScope scope) {
		this.namings = namings;
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
		return List.of("/namings/{id}/materials");
	}

	@Override
	@PreAuthorize("hasAnyRole('STAFF', 'SUPERVISOR', 'ADMIN')")
	public boolean maySee(long ownerId) {
		return namings.findById(ownerId).filter(naming -> scope.contains(naming.getRegionCode())).isPresent();
	}

}
