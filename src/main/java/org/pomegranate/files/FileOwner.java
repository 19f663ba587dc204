package org.pomegranate.files;

import java.util.List;
import java.util.Set;

/**
 * A kind of record that owns files (a visit its photos, a petition step its attachments),
 * declared as a bean by the module that owns those records. The file store asks it what its
 * files may be; the download endpoint asks it whether the current user may see the record, so
 * that a file answers exactly as its owner does.
 */
public interface FileOwner {

	/** The owner kind as stored with each file, e.g. {@code visit}; unique among the owners. */
	String kind();

	/** The size class of this owner's files. */
	FileKind fileKind();

	/** The types this owner takes; all of its kind's unless narrowed. */
	default Set<FileType> accepts() {
		return fileKind().types();
	}

	/**
	 * The paths whose uploads become files of this owner, as path patterns such as
	 * {@code /pairings/{id}/visits}: a file part bigger than {@link #fileKind()} allows is refused
	 * there while the request is parsed, before any form handling.
	 */
	default List<String> uploadPaths() {
		return List.of();
	}

	/**
	 * Whether the signed-in user may see the record with this id: false for one that does not
	 * exist as well as for one outside their region, which the endpoint answers alike (404).
	 */
	boolean maySee(long ownerId);

	/**
	 * Of a record the user may see ({@link #maySee} said so), whether they may download this one
	 * file: by default every file; an owner whose users see only some of a record's files (a
	 * reviewer the files a submission froze) narrows it.
	 */
	default boolean maySeeFile(long ownerId, long fileId) {
		return true;
	}

}
