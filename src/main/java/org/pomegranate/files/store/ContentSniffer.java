package org.pomegranate.files.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import org.pomegranate.files.FileType;

/**
 * What a file is, judged by its first bytes (magic numbers), whatever its name or the browser
 * claims. Office files are ZIP archives told apart by the names of their parts, which stand
 * uncompressed in the archive's local headers near its start.
 */
final class ContentSniffer {

	private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };

	private static final byte[] PDF = { '%', 'P', 'D', 'F', '-' };

	private static final byte[] ZIP_ENTRY = { 'P', 'K', 0x03, 0x04 };

	private static final byte[] MP4_BOX = { 'f', 't', 'y', 'p' };

	/** A local header's fixed part; the entry's name follows it. */
	private static final int ZIP_HEADER = 30;

	private ContentSniffer() {
	}

	/** The type of a file whose first {@code length} bytes are in {@code head}. */
	static Optional<FileType> sniff(byte[] head, int length) {
		if (startsWith(head, length, 0, JPEG)) {
			return Optional.of(FileType.JPEG);
		}
		if (startsWith(head, length, 0, PNG)) {
			return Optional.of(FileType.PNG);
		}
		if (startsWith(head, length, 0, PDF)) {
			return Optional.of(FileType.PDF);
		}
		if (startsWith(head, length, 4, MP4_BOX) && boxSize(head) >= 8) {
			return Optional.of(FileType.MP4);
		}
		if (startsWith(head, length, 0, ZIP_ENTRY)) {
			return office(head, length);
		}
		return Optional.empty();
	}

	/** A .docx has its parts under {@code word/}, an .xlsx under {@code xl/}. */
	private static Optional<FileType> office(byte[] head, int length) {
		for (int at = 0; at + ZIP_HEADER <= length; at++) {
			if (!startsWith(head, length, at, ZIP_ENTRY)) {
				continue;
			}
			int nameLength = (head[at + 26] & 0xFF) | (head[at + 27] & 0xFF) << 8;
			if (at + ZIP_HEADER + nameLength > length) {
				break;
			}
			var name = new String(head, at + ZIP_HEADER, nameLength, StandardCharsets.ISO_8859_1);
			if (name.startsWith("word/")) {
				return Optional.of(FileType.DOCX);
			}
			if (name.startsWith("xl/")) {
				return Optional.of(FileType.XLSX);
			}
			at += ZIP_HEADER + nameLength - 1;
		}
		return Optional.empty();
	}

	private static long boxSize(byte[] head) {
		return (head[0] & 0xFFL) << 24 | (head[1] & 0xFFL) << 16 | (head[2] & 0xFFL) << 8 | (head[3] & 0xFFL);
	}

	/** More than the magic itself: a file that is nothing but the magic is not a file of that type. */
	private static boolean startsWith(byte[] head, int length, int offset, byte[] magic) {
		return length > offset + magic.length
				&& Arrays.equals(head, offset, offset + magic.length, magic, 0, magic.length);
	}

}
