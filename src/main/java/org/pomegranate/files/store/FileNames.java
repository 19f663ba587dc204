package org.pomegranate.files.store;

import java.util.regex.Pattern;

import org.pomegranate.files.FileType;

/**
 * Display names safe to store and to send back in a header, whose extension says what the bytes
 * are: {@code x.html} holding a JPEG is kept as {@code x.jpg}.
 */
final class FileNames {

	static final int MAX_LENGTH = 100;

	/** Path separators, characters Windows refuses, control characters. */
	private static final Pattern UNSAFE = Pattern.compile("[\\\\/:*?\"<>|\\p{Cntrl}]");

	/** Direction overrides and marks, which can make {@code gpj.exe} read as {@code exe.jpg}. */
	private static final Pattern BIDI = Pattern.compile("[\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]");

	private static final Pattern EXTENSION = Pattern.compile("\\.([A-Za-z0-9]{1,10})$");

	private FileNames() {
	}

	static String displayName(String declared, FileType type) {
		var name = declared;
		int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
		if (slash >= 0) {
			name = name.substring(slash + 1);
		}
		name = BIDI.matcher(name).replaceAll("");
		name = UNSAFE.matcher(name).replaceAll("_").strip();
		var base = name;
		var extension = type.extension();
		var declaredExtension = EXTENSION.matcher(name);
		if (declaredExtension.find()) {
			if (type.hasExtension(declaredExtension.group(1))) {
				extension = declaredExtension.group(1);
			}
			base = name.substring(0, declaredExtension.start());
		}
		base = base.replaceAll("^[.\\s]+|[.\\s]+$", "");
		return shortened(base.isEmpty() ? "file" : base, extension);
	}

	/** At most {@value #MAX_LENGTH} characters, the extension kept. */
	private static String shortened(String base, String extension) {
		int room = MAX_LENGTH - extension.length() - 1;
		return (base.length() > room ? base.substring(0, room) : base) + "." + extension;
	}

}
