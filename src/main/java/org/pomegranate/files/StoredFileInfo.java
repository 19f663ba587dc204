package org.pomegranate.files;

import java.time.Instant;

/**
 * A stored file as lists show it, without its bytes: {@code filename} is the safe display name,
 * whose extension matches {@code type}; {@code sha256} is in lowercase hex.
 */
public record StoredFileInfo(long id, String ownerKind, long ownerId, String regionCode, FileType type, String filename,
		long sizeBytes, String sha256, String uploadedBy, Instant uploadedAt) {

	public String contentType() {
		return type.mediaType();
	}

	public boolean isImage() {
		return type.isImage();
	}

}
