package org.pomegranate.assessment.evidence;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.springframework.jdbc.core.JdbcTemplate;

/** The users and files the evidence tests start from: a real PNG, a minimal MP4, and staff of two counties. */
final class EvidenceFixtures {

	/** 康定市 */
	static final String KANGDING = "513301";

	static final String KD_STAFF = "ev_kd_staff";

	static final String KD_SUPERVISOR = "ev_kd_supervisor";

	/** Staff of 泸定县, another county. */
	static final String LD_STAFF = "ev_ld_staff";

	static final String REVIEWER = "gz_reviewer";

	private EvidenceFixtures() {
	}

	static void users(JdbcTemplate jdbc) {
		user(jdbc, KD_STAFF, "STAFF", KANGDING);
		user(jdbc, KD_SUPERVISOR, "SUPERVISOR", KANGDING);
		user(jdbc, LD_STAFF, "STAFF", "513322");
	}

	private static void user(JdbcTemplate jdbc, String username, String role, String region) {
		jdbc.update("""
				insert into user_account (username, display_name, password_hash, role, region_code)
				values (?, '佐证测试', '{noop}not-used', ?, ?) on conflict do nothing""", username, role, region);
	}

	/** Removes what these tests made: their assessments (with links and snapshots), files and pieces. */
	static void clear(JdbcTemplate jdbc) {
		jdbc.update("delete from assessment where created_by in (?, ?)", KD_STAFF, LD_STAFF);
		jdbc.update("""
				delete from stored_file where owner_kind in ('evidence', 'evidence-video')
				and owner_id in (select id from evidence where created_by in (?, ?))""", KD_STAFF, LD_STAFF);
		jdbc.update("""
				delete from assessment_evidence where evidence_id in (select id from evidence where created_by in (?, ?))""",
				KD_STAFF, LD_STAFF);
		jdbc.update("delete from evidence where created_by in (?, ?)", KD_STAFF, LD_STAFF);
	}

	/** A real PNG image of {@code size}×{@code size} pixels, as a camera would not make it but any viewer opens it. */
	static byte[] png(int size) {
		var image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
		image.setRGB(0, 0, 0xC0392B);
		var out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * A minimal MP4: its {@code ftyp} box (brand isom) and an {@code mdat} box of {@code padding}
	 * zero bytes, which is what the store sniffs as a video.
	 */
	static byte[] mp4(int padding) {
		var buffer = ByteBuffer.allocate(24 + 8 + padding);
		buffer.putInt(24).put(ascii("ftyp")).put(ascii("isom")).putInt(0x200).put(ascii("isom")).put(ascii("iso2"));
		buffer.putInt(8 + padding).put(ascii("mdat"));
		return buffer.array();
	}

	/** An {@code ftyp} box whose size field says 0: not an MP4 whatever its name. */
	static byte[] malformedMp4() {
		var bytes = mp4(64);
		bytes[3] = 0;
		return bytes;
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
