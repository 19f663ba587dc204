package org.pomegranate.supervision;

import java.time.LocalDate;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.RecordNotFoundException;
import org.pomegranate.shared.RegionCode;
import org.pomegranate.shared.RegionLevel;
import org.pomegranate.supervision.inspection.Inspections;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An inspection's finding as the petition module refers to it when a finding really is a
 * citizen's demand and the responsible side registers it as a petition: what the form is
 * prefilled with, and the link the petition's page shows back to the finding.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('STAFF', 'SUPERVISOR', 'ADMIN')")
public class RaisedFindings {

	private final Inspections inspections;

	RaisedFindings(Inspections inspections) {
		this.inspections = inspections;
	}

	/**
	 * A finding: its description, the day it was found, its responsible region when that is a
	 * village (a petition's place), and the path of its page (the rectification it ordered).
	 */
	public record FindingRef(long id, String title, String description, LocalDate foundOn, @Nullable String village,
			String path) {
	}

	/** The finding if the user may see it; a missing one or one outside the scope answers 404 alike. */
	public FindingRef finding(long id) {
		return shown(id).orElseThrow(() -> new RecordNotFoundException("Finding", id));
	}

	/** The finding if the user may see it, for a petition's page that links back to it. */
	public Optional<FindingRef> shown(long id) {
		return inspections.visibleFinding(id).map(row -> {
			var finding = row.finding();
			var region = finding.getRegionCode();
			var village = RegionCode.of(region).level() == RegionLevel.VILLAGE ? region : null;
			return new FindingRef(finding.getId(), finding.getResponsibleName(), finding.getDescription(),
					finding.getFoundOn(), village, "/rectifications/" + row.rectification().getId());
		});
	}

}
