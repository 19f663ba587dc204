package org.pomegranate.shared;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * Uploaded files judged by their bytes, whatever the file name or the browser claims, and file
 * names made safe to store and to send back in a header.
 */
public final class Uploads {

	public static final String JPEG = "image/jpeg";

	public static final String PNG = "image/png";

	public static final String PDF = "application/pdf";

	private static final byte[] JPEG_MAGIC = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	private static final byte[] PNG_MAGIC = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };

	private static final byte[] PDF_MAGIC = { '%', 'P', 'D', 'F', '-' };

	private Uploads() {
	}

	/** JPEG, PNG or PDF as the bytes say, or null for anything else. */
	public static @Nullable String contentType(byte[] data) {
		if (startsWith(data, JPEG_MAGIC)) {
			return JPEG;
		}
		if (startsWith(data, PNG_MAGIC)) {
			return PNG;
		}
		if (startsWith(data, PDF_MAGIC)) {
			return PDF;
		}
		return null;
	}

	/** No path, no characters Windows refuses, no control characters, at most 100 characters. */
	public static String safeFilename(String filename, String fallback) {
		var name = filename.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
		if (name.isEmpty()) {
			name = fallback;
		}
		return name.length() > 100 ? name.substring(name.length() - 100) : name;
	}

	private static boolean startsWith(byte[] data, byte[] magic) {
		return data.length > magic.length && Arrays.equals(data, 0, magic.length, magic, 0, magic.length);
	}

}
