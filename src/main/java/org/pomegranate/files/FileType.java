package org.pomegranate.files;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a stored file is, as its bytes say (never as its name or the browser claims): the media
 * type it is served with and the extensions its display name may end with, the first being the
 * one given to a name that ends otherwise.
 */
public enum FileType {

	JPEG("image/jpeg", "jpg", "jpeg"),

	PNG("image/png", "png"),

	PDF("application/pdf", "pdf"),

	DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),

	XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),

	MP4("video/mp4", "mp4");

	private final String mediaType;

	private final List<String> extensions;

	FileType(String mediaType, String... extensions) {
		this.mediaType = mediaType;
		this.extensions = List.of(extensions);
	}

	public String mediaType() {
		return mediaType;
	}

	/** The extension a display name of this type is given, without the dot. */
	public String extension() {
		return extensions.get(0);
	}

	public boolean hasExtension(String extension) {
		return extensions.contains(extension.toLowerCase(Locale.ROOT));
	}

	/** Shown inline by an {@code <img>} of the app's pages. */
	public boolean isImage() {
		return mediaType.startsWith("image/");
	}

	/** As users know it: JPG, PNG, PDF … */
	public String label() {
		return extension().toUpperCase(Locale.ROOT);
	}

	public static Optional<FileType> ofMediaType(String mediaType) {
		for (var type : values()) {
			if (type.mediaType.equals(mediaType)) {
				return Optional.of(type);
			}
		}
		return Optional.empty();
	}

}
