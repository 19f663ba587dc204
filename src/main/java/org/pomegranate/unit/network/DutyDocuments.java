package org.pomegranate.unit.network;

import java.util.List;

import org.pomegranate.files.FileKind;
import org.pomegranate.files.FileOwner;
import org.pomegranate.shared.RegionScope;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * A version of a duty statement (规程、职责) owns its document in the file store: whoever may see
 * the unit may see it.
 */
@Component
class DutyDocuments implements FileOwner {

	static final String KIND = "unit-duty";

	private final DutyStatementRepository statements;

	private final CampaignUnitRepository units;

	private final RegionScope scope;

	DutyDocuments(DutyStatementRepository statements, CampaignUnitRepository units, RegionScope scope) {
		this.statements = statements;
		this.units = units;
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
		return List.of("/units/{id}/duties");
	}

	@Override
	@PreAuthorize("hasAnyRole('STAFF', 'SUPERVISOR', 'ADMIN')")
	public boolean maySee(long ownerId) {
		return statements.findById(ownerId)
			.flatMap(statement -> units.findById(statement.getUnitId()))
			.filter(unit -> scope.contains(unit.getRegionCode()))
			.isPresent();
	}

}
