package org.pomegranate.assessment.evidence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pomegranate.files.FileKind;
import org.pomegranate.files.FileOwner;
import org.pomegranate.files.FileStore;
import org.pomegranate.files.StoredFileInfo;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A piece of evidence owns its photos and documents (up to 20 MB each) in the file store; its
 * MP4 videos (up to 200 MB) are a second owner kind ({@link EvidenceVideos}), since the store
 * gives one size class per owner. Whoever may see the piece may download them.
 */
@Component
class EvidenceFiles implements FileOwner {

	/** The pages where files of a piece are uploaded: the new piece's form and 添加文件. */
	static final List<String> UPLOAD_PATHS = List.of("/evidence", "/evidence/{id}/files");

	private final EvidenceReading evidence;

	EvidenceFiles(@Lazy EvidenceReading evidence) {
		this.evidence = evidence;
	}

	@Override
	public String kind() {
		return Evidence.FILE_OWNER;
	}

	@Override
	public FileKind fileKind() {
		return FileKind.DOCUMENT;
	}

	@Override
	public List<String> uploadPaths() {
		return UPLOAD_PATHS;
	}

	@Override
	public boolean maySee(long ownerId) {
		return evidence.maySee(ownerId);
	}

	@Override
	public boolean maySeeFile(long ownerId, long fileId) {
		return evidence.maySeeFile(ownerId, fileId);
	}

	/** The files of the pieces, both owner kinds together, by piece id, each list in upload order. */
	static Map<Long, List<StoredFileInfo>> of(FileStore files, Collection<Long> pieceIds) {
		var all = new HashMap<Long, List<StoredFileInfo>>();
		if (pieceIds.isEmpty()) {
			return all;
		}
		for (var kind : List.of(Evidence.FILE_OWNER, Evidence.VIDEO_OWNER)) {
			files.list(kind, pieceIds).forEach((id, list) -> all.computeIfAbsent(id, key -> new ArrayList<>()).addAll(list));
		}
		all.values().forEach(list -> list.sort(Comparator.comparingLong(StoredFileInfo::id)));
		return all;
	}

	/**
	 * The files of the pieces that are still on them (not 移除), by piece id; what a piece, the
	 * library and a new submission show.
	 */
	static Map<Long, List<StoredFileInfo>> current(FileStore files, JdbcClient jdbc, Collection<Long> pieceIds) {
		var all = of(files, pieceIds);
		var removed = removed(jdbc, pieceIds);
		if (!removed.isEmpty()) {
			all.values().forEach(list -> list.removeIf(file -> removed.containsKey(file.id())));
		}
		return all;
	}

	/** The files taken off the pieces: file id → who removed it and when. */
	static Map<Long, Removal> removed(JdbcClient jdbc, Collection<Long> pieceIds) {
		if (pieceIds.isEmpty()) {
			return Map.of();
		}
		var removed = new HashMap<Long, Removal>();
		jdbc.sql("select file_id, removed_by, removed_at from evidence_file_removal where evidence_id in (:ids)")
			.param("ids", pieceIds)
			.query((row, n) -> new Removal(row.getLong(1), row.getString(2), row.getObject(3, OffsetDateTime.class).toInstant()))
			.list()
			.forEach(removal -> removed.put(removal.fileId(), removal));
		return removed;
	}

	/** A file taken off its piece, by whom and when. */
	public record Removal(long fileId, String removedBy, Instant removedAt) {
	}

}
