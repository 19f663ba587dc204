package org.pomegranate.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The store itself: a file far bigger than any limit of memory streamed in and out a chunk at a
 * time and read back by its hash, the limits of each kind, and bytes of the wrong type refused
 * before anything is written.
 */
@IntegrationTest
@Import(FileStoreTests.TestOwners.class)
class FileStoreTests {

	private static final String VIDEOS = "test-video";

	private static final String REGION = "513301";

	private static final int MIB = 1024 * 1024;

	private static final byte[] PHOTO_HEAD = Arrays.copyOf(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 },
			64);

	private static final byte[] PDF_HEAD = "%PDF-1.4\n%\u00e2\u00e3\n".getBytes(StandardCharsets.ISO_8859_1);

	private static final byte[] VIDEO_HEAD = Arrays.copyOf(new byte[] { 0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'm', 'p', '4', '2' },
			64);

	/** An owner of evidence videos, which no module has yet. */
	@TestConfiguration(proxyBeanMethods = false)
	static class TestOwners {

		@Bean
		FileOwner testVideos() {
			return new FileOwner() {

				@Override
				public String kind() {
					return VIDEOS;
				}

				@Override
				public FileKind fileKind() {
					return FileKind.VIDEO;
				}

				@Override
				public boolean maySee(long ownerId) {
					return true;
				}

			};
		}

	}

	@Autowired
	FileStore files;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MessageSource messages;

	/** As big as a video may be: far past any photo or document, and never held whole. */
	@Test
	void aVideoOf200MegabytesIsStreamedInAndOutAChunkAtATime() throws Exception {
		var video = new GeneratedVideo(200L * MIB);
		var stored = files.store(VIDEOS, 1, REGION, "检查视频.mov", video);
		try {
			assertThat(video.largestRead).as("the most the store asked for at once").isLessThanOrEqualTo(MIB);
			assertThat(stored.sizeBytes()).isEqualTo(200L * MIB);
			assertThat(stored.sha256()).isEqualTo(video.sha256());
			assertThat(stored.type()).isEqualTo(FileType.MP4);
			assertThat(stored.filename()).isEqualTo("检查视频.mp4");
			assertThat(jdbc.queryForMap(
					"select count(*) as chunks, max(length(data)) as largest from stored_file_chunk where file_id = ?",
					stored.id()))
				.containsEntry("chunks", 200L)
				.containsEntry("largest", MIB);

			var digest = MessageDigest.getInstance("SHA-256");
			long read = 0;
			try (var content = files.open(stored.id())) {
				var buffer = new byte[64 * 1024];
				for (int n; (n = content.read(buffer)) > 0; read += n) {
					digest.update(buffer, 0, n);
				}
			}
			assertThat(read).isEqualTo(200L * MIB);
			assertThat(HexFormat.of().formatHex(digest.digest())).isEqualTo(stored.sha256());
		}
		finally {
			jdbc.update("delete from stored_file where id = ?", stored.id());
		}
		assertThat(jdbc.queryForObject("select count(*) from stored_file_chunk where file_id = ?", Long.class, stored.id()))
			.isZero();
	}

	@Test
	void eachKindHasItsLimit() {
		assertThat(FileKind.PHOTO.maxBytes()).isEqualTo(5L * MIB);
		assertThat(FileKind.DOCUMENT.maxBytes()).isEqualTo(20L * MIB);
		assertThat(FileKind.VIDEO.maxBytes()).isEqualTo(200L * MIB);
		// As declared by the upload: the photos of a visit, the attachments of a petition step, a video.
		assertThat(files.check("visit", declared(5L * MIB, PHOTO_HEAD))).isEmpty();
		assertThat(files.check("visit", declared(5L * MIB + 1, PHOTO_HEAD))).contains(FileRefusal.TOO_BIG);
		assertThat(files.check("petition-step", declared(20L * MIB, PHOTO_HEAD))).isEmpty();
		assertThat(files.check("petition-step", declared(20L * MIB + 1, PHOTO_HEAD))).contains(FileRefusal.TOO_BIG);
		assertThat(files.check(VIDEOS, declared(200L * MIB, VIDEO_HEAD))).isEmpty();
		assertThat(files.check(VIDEOS, declared(200L * MIB + 1, VIDEO_HEAD))).contains(FileRefusal.TOO_BIG);
	}

	@Test
	void aStreamLongerThanItsKindAllowsIsRefusedAndNothingIsKept() {
		long before = fileRows();
		assertThatThrownBy(() -> files.store("visit", 1, REGION, "大.jpg", padded(PHOTO_HEAD, 5L * MIB + 1)))
			.isInstanceOfSatisfying(FileRefusedException.class, ex -> {
				assertThat(ex.refusal()).isEqualTo(FileRefusal.TOO_BIG);
				assertThat(chinese(ex)).isEqualTo("文件超过 5 MB，未保存。");
			});
		assertThatThrownBy(() -> files.store("petition-step", 1, REGION, "大.pdf", padded(PDF_HEAD, 20L * MIB + 1)))
			.isInstanceOfSatisfying(FileRefusedException.class,
					ex -> assertThat(chinese(ex)).isEqualTo("文件超过 20 MB，未保存。"));
		assertThat(fileRows()).isEqualTo(before);

		var justFits = files.store("visit", 1, REGION, "刚好.jpg", padded(PHOTO_HEAD, 5L * MIB));
		assertThat(justFits.sizeBytes()).isEqualTo(5L * MIB);
		jdbc.update("delete from stored_file where id = ?", justFits.id());
	}

	@Test
	void bytesOfAnotherTypeAreRefusedInChineseBeforeAnythingIsWritten() {
		long before = fileRows();
		long sequence = jdbc.queryForObject("select last_value from stored_file_id_seq", Long.class);
		var gif = "GIF89a-not-a-photo".getBytes(StandardCharsets.US_ASCII);
		assertThatThrownBy(() -> files.store("visit", 1, REGION, "照片.png", new ByteArrayInputStream(gif)))
			.isInstanceOfSatisfying(FileRefusedException.class, ex -> {
				assertThat(ex.refusal()).isEqualTo(FileRefusal.WRONG_TYPE);
				assertThat(chinese(ex)).isEqualTo("文件的内容不是允许的格式（只能是 JPG/PNG），未保存。");
			});
		// A PDF is a document, not a photo; a photo is not a video.
		assertThatThrownBy(() -> files.store("visit", 1, REGION, "来信.jpg", new ByteArrayInputStream(PDF_HEAD)))
			.isInstanceOfSatisfying(FileRefusedException.class,
					ex -> assertThat(ex.refusal()).isEqualTo(FileRefusal.WRONG_TYPE));
		assertThatThrownBy(() -> files.store(VIDEOS, 1, REGION, "视频.mp4", new ByteArrayInputStream(PHOTO_HEAD)))
			.isInstanceOf(FileRefusedException.class);
		assertThat(files.check("visit", Upload.of("照片.png", gif))).contains(FileRefusal.WRONG_TYPE);
		assertThat(files.check("petition-step", Upload.of("来信.pdf", PDF_HEAD))).isEmpty();
		assertThat(fileRows()).isEqualTo(before);
		assertThat(jdbc.queryForObject("select last_value from stored_file_id_seq", Long.class)).isEqualTo(sequence);
	}

	@Test
	void aStoredFileNeverChanges() {
		var stored = files.store("visit", 1, REGION, "走访.png", new ByteArrayInputStream(PHOTO_HEAD));
		assertThatThrownBy(() -> jdbc.update("update stored_file set filename = 'x.html' where id = ?", stored.id()))
			.hasMessageContaining("cannot be changed");
		assertThatThrownBy(() -> jdbc.update("update stored_file_chunk set data = '\\x00' where file_id = ?", stored.id()))
			.hasMessageContaining("cannot be changed");
		assertThatThrownBy(() -> jdbc.update("insert into stored_file_chunk (file_id, seq, data) values (?, 1, '\\x00')",
				stored.id()))
			.hasMessageContaining("cannot be changed");
		assertThatThrownBy(() -> jdbc.update("delete from stored_file_chunk where file_id = ?", stored.id()))
			.hasMessageContaining("cannot be changed");
		assertThat(files.list("visit", 1)).extracting(StoredFileInfo::id).contains(stored.id());
		jdbc.update("delete from stored_file where id = ?", stored.id());
		assertThat(files.find(stored.id())).isEmpty();
	}

	/** An upload that claims a size; only its first bytes are there, which is all a check reads. */
	private static Upload declared(long size, byte[] head) {
		return new Upload("声明.bin", size, new ByteArrayResource(head));
	}

	/** The head followed by zeros up to {@code size} bytes, made as it is read. */
	private static InputStream padded(byte[] head, long size) {
		return new SequenceInputStream(new ByteArrayInputStream(head), new InputStream() {

			private long left = size - head.length;

			@Override
			public int read() {
				return left-- > 0 ? 0 : -1;
			}

			@Override
			public int read(byte[] target, int offset, int length) {
				if (left <= 0) {
					return -1;
				}
				int count = (int) Math.min(length, left);
				Arrays.fill(target, offset, offset + count, (byte) 0);
				left -= count;
				return count;
			}

		});
	}

	private long fileRows() {
		return jdbc.queryForObject("select (select count(*) from stored_file) + (select count(*) from stored_file_chunk)",
				Long.class);
	}

	private String chinese(FileRefusedException ex) {
		return messages.getMessage(ex.messageKey(), ex.arguments(), Locale.SIMPLIFIED_CHINESE);
	}

	/**
	 * An MP4 of pseudo-random bytes made as it is read, never held whole: it notes the largest
	 * read asked of it and the SHA-256 of what it gave.
	 */
	private static final class GeneratedVideo extends InputStream {

		private final MessageDigest digest;

		private long left;

		private long state = 0x9E3779B97F4A7C15L;

		private boolean headerSent;

		int largestRead;

		GeneratedVideo(long size) throws Exception {
			this.left = size;
			this.digest = MessageDigest.getInstance("SHA-256");
		}

		@Override
		public int read() throws IOException {
			throw new IOException("The store reads chunks, not single bytes");
		}

		@Override
		public byte[] readAllBytes() throws IOException {
			throw new IOException("The store never reads a file whole");
		}

		@Override
		public int read(byte[] target, int offset, int length) {
			largestRead = Math.max(largestRead, length);
			if (left == 0) {
				return -1;
			}
			int count = (int) Math.min(length, left);
			int from = offset;
			if (!headerSent) {
				int header = Math.min(count, VIDEO_HEAD.length);
				System.arraycopy(VIDEO_HEAD, 0, target, offset, header);
				from += header;
				headerSent = true;
			}
			for (int i = from; i < offset + count; i++) {
				state ^= state << 13;
				state ^= state >>> 7;
				state ^= state << 17;
				target[i] = (byte) state;
			}
			digest.update(target, offset, count);
			left -= count;
			return count;
		}

		String sha256() {
			return HexFormat.of().formatHex(digest.digest());
		}

	}

}
