package org.pomegranate.files;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one store of uploaded files. A module checks its uploads ({@link #check}) with the rest of
 * its form, then stores each one in the transaction that writes the owner record, so both commit
 * or roll back together; files are streamed in and out in chunks, never held whole in memory, and
 * never change once stored. Reading ({@link #find},
 * {@link #open}, the lists) does not check who asks: the owning module does that for its
 * records, and the download endpoint asks the {@link FileOwner}.
 */
public interface FileStore {

	/**
	 * What the store would refuse about this upload for an owner of this kind (its declared size
	 * against the kind's limit, its first bytes against the types the owner takes), before
	 * anything is written; empty when it may be stored.
	 */
	Optional<FileRefusal> check(String ownerKind, Upload upload);

	/**
	 * Streams the content in, sniffing its type from the first bytes and computing its size and
	 * SHA-256 on the way, and keeps it with its owner. The display name is made safe and given
	 * the extension of the sniffed type.
	 * @throws FileRefusedException when the bytes are of a type the owner does not take (before
	 * anything is written) or when they grow past the owner's limit (the transaction then rolls
	 * back what was written)
	 */
	StoredFileInfo store(String ownerKind, long ownerId, String regionCode, String declaredName, InputStream content);

	/** {@link #store(String, long, String, String, InputStream)} with the upload's name and content. */
	StoredFileInfo store(String ownerKind, long ownerId, String regionCode, Upload upload);

	List<StoredFileInfo> list(String ownerKind, long ownerId);

	/** The files of several owners of one kind, by owner id, each list oldest first. */
	Map<Long, List<StoredFileInfo>> list(String ownerKind, Collection<Long> ownerIds);

	Optional<StoredFileInfo> find(long id);

	/**
	 * The content, read a chunk at a time as the caller reads; at the end the stream checks the
	 * size and SHA-256 recorded at upload and fails with an {@link IOException} if they differ.
	 * @throws org.pomegranate.shared.RecordNotFoundException when there is no such file
	 */
	InputStream open(long id);

}
