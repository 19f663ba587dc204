package org.pomegranate.assessment.workflow;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.pomegranate.shared.RegionScoped;

/**
 * A third-party evaluating institution (第三方评估机构) registered by the admins of a region; its
 * reviewers' accounts are attached to it ({@link InstitutionReviewer}) and only they may be
 * assigned, in its name, to evaluate an assessment of a holder at or below that region.
 */
@Entity
@Table(name = "evaluating_institution")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class EvaluatingInstitution implements RegionScoped {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String regionCode;

	private String name;

	private String createdBy;

	private Instant createdAt;

	EvaluatingInstitution(String regionCode, String name, String createdBy) {
		this.regionCode = regionCode;
		this.name = name;
		this.createdBy = createdBy;
		this.createdAt = Instant.now();
	}

}
