package org.pomegranate.pairing.program;

import java.time.Instant;

import jakarta.persistence.Basic;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * A photo of a visit, kept in PostgreSQL with everything else (one pg_dump is the whole backup).
 */
@Entity
@Table(name = "visit_photo")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class VisitPhoto {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long visitId;

	private String filename;

	private String contentType;

	private int sizeBytes;

	@Basic(fetch = FetchType.LAZY)
	private byte[] data;

	private Instant createdAt;

	VisitPhoto(Long visitId, String filename, String contentType, byte[] data) {
		this.visitId = visitId;
		this.filename = filename;
		this.contentType = contentType;
		this.sizeBytes = data.length;
		this.data = data.clone();
		this.createdAt = Instant.now();
	}

}
