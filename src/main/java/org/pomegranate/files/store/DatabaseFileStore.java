package org.pomegranate.files.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.pomegranate.files.FileOwner;
import org.pomegranate.files.FileRefusal;
import org.pomegranate.files.FileRefusedException;
import org.pomegranate.files.FileStore;
import org.pomegranate.files.FileType;
import org.pomegranate.files.StoredFileInfo;
import org.pomegranate.files.Upload;
import org.pomegranate.shared.RecordNotFoundException;
import org.pomegranate.shared.RegionScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The file store in PostgreSQL: a {@code stored_file} row per file and its content in
 * {@code stored_file_chunk} rows of {@value #CHUNK_BYTES} bytes. Chunked bytea rather than large
 * objects: chunks are ordinary rows, so a frozen report's files are guarded by triggers like any
 * row, deleting a file deletes its content (large objects would be orphaned without
 * {@code lo_unlink}), reading needs no transaction held open for the whole download, and
 * {@code pg_dump}, replicas and a later Citus distribution treat them like every other table.
 * One chunk is in memory at a time, in and out. The header row is written last, after every
 * chunk (the chunks' foreign key is checked at commit), so a stored file is never changed once
 * its header exists, and the database refuses that too.
 */
@Service
class DatabaseFileStore implements FileStore {

	static final int CHUNK_BYTES = 1024 * 1024;

	private static final String COLUMNS = """
			id, owner_kind, owner_id, region_code, content_type, filename, size_bytes, sha256, uploaded_by, uploaded_at""";

	private final JdbcClient jdbc;

	private final FileOwners owners;

	private final RegionScope scope;

	private final Clock clock;

	DatabaseFileStore(JdbcClient jdbc, FileOwners owners, RegionScope scope, Clock clock) {
		this.jdbc = jdbc;
		this.owners = owners;
		this.scope = scope;
		this.clock = clock;
	}

	@Override
	public Optional<FileRefusal> check(String ownerKind, Upload upload) {
		var owner = owners.get(ownerKind);
		if (upload.size() == 0) {
			return Optional.of(FileRefusal.EMPTY);
		}
		if (upload.size() > owner.fileKind().maxBytes()) {
			return Optional.of(FileRefusal.TOO_BIG);
		}
		try (var content = upload.content().getInputStream()) {
			var head = new byte[CHUNK_BYTES];
			int length = content.readNBytes(head, 0, head.length);
			return accepted(owner, head, length).isPresent() ? Optional.empty() : Optional.of(FileRefusal.WRONG_TYPE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	@Transactional
	public StoredFileInfo store(String ownerKind, long ownerId, String regionCode, String declaredName,
			InputStream content) {
		var owner = owners.get(ownerKind);
		long limit = owner.fileKind().maxBytes();
		try {
			var buffer = new byte[CHUNK_BYTES];
			int filled = content.readNBytes(buffer, 0, CHUNK_BYTES);
			if (filled == 0) {
				throw FileRefusedException.of(FileRefusal.EMPTY, owner);
			}
			var type = accepted(owner, buffer, filled)
				.orElseThrow(() -> FileRefusedException.of(FileRefusal.WRONG_TYPE, owner));
			long id = jdbc.sql("select nextval(pg_get_serial_sequence('stored_file', 'id'))").query(Long.class).single();
			var digest = sha256();
			long size = 0;
			int seq = 0;
			while (filled > 0) {
				size += filled;
				if (size > limit) {
					throw FileRefusedException.of(FileRefusal.TOO_BIG, owner);
				}
				digest.update(buffer, 0, filled);
				jdbc.sql("insert into stored_file_chunk (file_id, seq, data) values (?, ?, ?)")
					.params(id, seq++, filled == CHUNK_BYTES ? buffer : Arrays.copyOf(buffer, filled))
					.update();
				filled = content.readNBytes(buffer, 0, CHUNK_BYTES);
			}
			var file = new StoredFileInfo(id, ownerKind, ownerId, regionCode, type,
					FileNames.displayName(declaredName, type), size, HexFormat.of().formatHex(digest.digest()),
					scope.currentUsername(), clock.instant());
			jdbc.sql("insert into stored_file (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(file.id(), file.ownerKind(), file.ownerId(), file.regionCode(), file.contentType(), file.filename(),
						file.sizeBytes(), file.sha256(), file.uploadedBy(),
						OffsetDateTime.ofInstant(file.uploadedAt(), ZoneOffset.UTC))
				.update();
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	@Transactional
	public StoredFileInfo store(String ownerKind, long ownerId, String regionCode, Upload upload) {
		try (var content = upload.content().getInputStream()) {
			return store(ownerKind, ownerId, regionCode, upload.declaredName(), content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public List<StoredFileInfo> list(String ownerKind, long ownerId) {
		return jdbc.sql("select " + COLUMNS + " from stored_file where owner_kind = ? and owner_id = ? order by id")
			.params(ownerKind, ownerId)
			.query(DatabaseFileStore::info)
			.list();
	}

	@Override
	public Map<Long, List<StoredFileInfo>> list(String ownerKind, Collection<Long> ownerIds) {
		if (ownerIds.isEmpty()) {
			return Map.of();
		}
		return jdbc
			.sql("select " + COLUMNS
					+ " from stored_file where owner_kind = :kind and owner_id in (:ids) order by owner_id, id")
			.param("kind", ownerKind)
			.param("ids", ownerIds)
			.query(DatabaseFileStore::info)
			.stream()
			.collect(Collectors.groupingBy(StoredFileInfo::ownerId, LinkedHashMap::new, Collectors.toList()));
	}

	@Override
	public Optional<StoredFileInfo> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from stored_file where id = ?")
			.param(id)
			.query(DatabaseFileStore::info)
			.optional();
	}

	@Override
	public InputStream open(long id) {
		var file = find(id).orElseThrow(() -> new RecordNotFoundException("StoredFile", id));
		return new StoredFileStream(jdbc, file);
	}

	private static Optional<FileType> accepted(FileOwner owner, byte[] head, int length) {
		return ContentSniffer.sniff(head, length).filter(owner.accepts()::contains);
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	private static StoredFileInfo info(ResultSet row, int rowNumber) throws SQLException {
		var contentType = row.getString("content_type");
		return new StoredFileInfo(row.getLong("id"), row.getString("owner_kind"), row.getLong("owner_id"),
				row.getString("region_code"),
				FileType.ofMediaType(contentType)
					.orElseThrow(() -> new IllegalStateException("Unknown stored content type " + contentType)),
				row.getString("filename"), row.getLong("size_bytes"), row.getString("sha256"),
				row.getString("uploaded_by"), row.getObject("uploaded_at", OffsetDateTime.class).toInstant());
	}

}
