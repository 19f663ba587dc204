package org.pomegranate.dataimport.engine;

import java.util.EnumSet;
import java.util.Set;

import org.pomegranate.files.FileKind;
import org.pomegranate.files.FileOwner;
import org.pomegranate.files.FileType;
import org.pomegranate.shared.RegionScope;
import org.springframework.stereotype.Component;

/**
 * The file an import batch keeps: its returned workbook with personal data masked, which whoever
 * may see the batch (its region's importers) downloads again from the history. Uploads of
 * /imports/upload are limited to a document's size while the request is parsed.
 */
@Component
class ImportFiles implements FileOwner {

	static final String KIND = "import-batch";

	private final ImportBatchRepository batches;

	private final RegionScope scope;

	ImportFiles(ImportBatchRepository batches, RegionScope scope) {
		this.batches = batches;
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
		return EnumSet.of(FileType.XLSX);
	}

	@Override
	public java.util.List<String> uploadPaths() {
		return java.util.List.of("/imports/upload");
	}

	@Override
	public boolean maySee(long ownerId) {
		return RegionScope.currentPrincipal().isPresent() && batches.findById(ownerId)
			.filter(batch -> scope.contains(batch.getRegionCode()))
			.isPresent();
	}

}
