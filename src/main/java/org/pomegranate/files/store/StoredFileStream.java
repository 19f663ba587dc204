package org.pomegranate.files.store;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;

import org.pomegranate.files.StoredFileInfo;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A stored file's content read one chunk row at a time as the reader asks for more, each chunk
 * by its own short query (a download of a 200 MB video holds no transaction open). At the end
 * it checks the size and SHA-256 recorded at upload, so damaged content fails the read instead
 * of reaching the user as if whole.
 */
final class StoredFileStream extends InputStream {

	private final JdbcClient jdbc;

	private final StoredFileInfo file;

	private final MessageDigest digest = DatabaseFileStore.sha256();

	private byte[] chunk = new byte[0];

	private int position;

	private int nextSeq;

	private long delivered;

	private boolean ended;

	StoredFileStream(JdbcClient jdbc, StoredFileInfo file) {
		this.jdbc = jdbc;
		this.file = file;
	}

	@Override
	public int read() throws IOException {
		var one = new byte[1];
		return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
	}

	@Override
	public int read(byte[] target, int offset, int length) throws IOException {
		Objects.checkFromIndexSize(offset, length, target.length);
		if (length == 0) {
			return 0;
		}
		if (position == chunk.length && !nextChunk()) {
			return -1;
		}
		int count = Math.min(length, chunk.length - position);
		System.arraycopy(chunk, position, target, offset, count);
		position += count;
		return count;
	}

	@Override
	public int available() {
		return chunk.length - position;
	}

	private boolean nextChunk() throws IOException {
		if (ended) {
			return false;
		}
		var next = jdbc.sql("select data from stored_file_chunk where file_id = ? and seq = ?")
			.params(file.id(), nextSeq)
			.query(byte[].class)
			.optional();
		if (next.isEmpty() || next.get().length == 0) {
			ended = true;
			verify();
			return false;
		}
		chunk = next.get();
		position = 0;
		nextSeq++;
		delivered += chunk.length;
		digest.update(chunk);
		if (delivered > file.sizeBytes()) {
			throw damaged();
		}
		return true;
	}

	private void verify() throws IOException {
		if (delivered != file.sizeBytes() || !HexFormat.of().formatHex(digest.digest()).equals(file.sha256())) {
			throw damaged();
		}
	}

	private IOException damaged() {
		return new IOException("Stored file " + file.id() + " does not match its recorded size and SHA-256");
	}

}
