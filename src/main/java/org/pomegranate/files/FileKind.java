package org.pomegranate.files;

import java.util.EnumSet;
import java.util.Set;

/**
 * The size class of an owner's files, with the types it takes unless the owner narrows them
 * ({@link FileOwner#accepts()}): photos up to 5 MB, documents up to 20 MB, videos up to 200 MB.
 */
public enum FileKind {

	PHOTO(5, EnumSet.of(FileType.JPEG, FileType.PNG)),

	DOCUMENT(20, EnumSet.of(FileType.JPEG, FileType.PNG, FileType.PDF, FileType.DOCX, FileType.XLSX)),

	VIDEO(200, EnumSet.of(FileType.MP4));

	private final int maxMegabytes;

	private final Set<FileType> types;

	FileKind(int maxMegabytes, Set<FileType> types) {
		this.maxMegabytes = maxMegabytes;
		this.types = Set.copyOf(types);
	}

	public int maxMegabytes() {
		return maxMegabytes;
	}

	public long maxBytes() {
		return maxMegabytes * 1024L * 1024L;
	}

	public Set<FileType> types() {
		return types;
	}

}
