package org.pomegranate.unit.network;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.Immutable;

/**
 * One version of a unit's duty statement (规程、职责). A change is a new version; the newest is in
 * force; none is edited. Its document, if any, is a file of the store (owner {@code unit-duty}).
 */
@Entity
@Table(name = "unit_duty_statement")
@Immutable
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class DutyStatement {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long unitId;

	private int versionNo;

	private String title;

	private String body;

	private LocalDate adoptedOn;

	private String createdBy;

	private Instant createdAt;

	DutyStatement(CampaignUnit unit, int versionNo, String title, String body, LocalDate adoptedOn, String createdBy) {
		this.unitId = unit.getId();
		this.versionNo = versionNo;
		this.title = title;
		this.body = body;
		this.adoptedOn = adoptedOn;
		this.createdBy = createdBy;
		this.createdAt = Instant.now();
	}

}
