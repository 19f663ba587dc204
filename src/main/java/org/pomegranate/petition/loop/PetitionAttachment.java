package org.pomegranate.petition.loop;

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
import org.pomegranate.shared.RegionScoped;

/**
 * A file attached to a step (a letter, a photo, a reply on paper), kept in PostgreSQL with
 * everything else so one pg_dump is the whole backup.
 */
@Entity
@Table(name = "petition_attachment")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class PetitionAttachment implements RegionScoped {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long petitionId;

	private Long stepId;

	private String regionCode;

	private String filename;

	private String contentType;

	private int sizeBytes;

	@Basic(fetch = FetchType.LAZY)
	private byte[] data;

	private Instant createdAt;

	PetitionAttachment(PetitionStep step, String filename, String contentType, byte[] data) {
		this.petitionId = step.getPetitionId();
		this.stepId = step.getId();
		this.regionCode = step.getRegionCode();
		this.filename = filename;
		this.contentType = contentType;
		this.sizeBytes = data.length;
		this.data = data.clone();
		this.createdAt = Instant.now();
	}

}
