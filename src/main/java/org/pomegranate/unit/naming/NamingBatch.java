package org.pomegranate.unit.naming;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** 批次: one decision (文号, date) of an issuing region naming one or many holders at a level. */
@Entity
@Table(name = "naming_batch")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class NamingBatch {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String issuerRegionCode;

	@Enumerated(EnumType.STRING)
	private NamingLevel level;

	private int year;

	private int number;

	private String title;

	private String decisionNumber;

	private LocalDate decidedOn;

	private String createdBy;

	private Instant createdAt;

	NamingBatch(BatchDecision decision, String issuerRegionCode, String createdBy) {
		this.issuerRegionCode = issuerRegionCode;
		this.level = decision.level();
		this.year = decision.year();
		this.number = decision.number();
		this.title = decision.title();
		this.decisionNumber = decision.decisionNumber();
		this.decidedOn = decision.decidedOn();
		this.createdBy = createdBy;
		this.createdAt = Instant.now();
	}

	/** What a batch decides: the title, the level, which batch of which year, the 文号 and its date. */
	public record BatchDecision(String title, NamingLevel level, int year, int number, String decisionNumber,
			LocalDate decidedOn) {
	}

}
