package org.pomegranate.assessment.evidence;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.pomegranate.assessment.framework.EvidenceKind;
import org.pomegranate.files.StoredFileInfo;

/** A piece of evidence as lists show it: its description and its files (names, sizes, hashes; no bytes). */
public record EvidenceView(long id, String title, EvidenceKind kind, LocalDate madeOn, @Nullable String description,
		List<StoredFileInfo> files, long version) {

	public EvidenceView {
		files = List.copyOf(files);
	}

}
