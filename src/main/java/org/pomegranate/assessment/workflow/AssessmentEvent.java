package org.pomegranate.assessment.workflow;

import java.time.Instant;

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
import org.jspecify.annotations.Nullable;

/** One line of an assessment's history: a step, who took it, when, and the node it concerned. */
@Entity
@Table(name = "assessment_event")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class AssessmentEvent {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long assessmentId;

	@Enumerated(EnumType.STRING)
	private AssessmentAction action;

	private @Nullable Long nodeId;

	private String actor;

	private Instant at;

	private @Nullable String note;

	public AssessmentEvent(long assessmentId, AssessmentAction action, @Nullable Long nodeId, String actor,
			@Nullable String note) {
		this.assessmentId = assessmentId;
		this.action = action;
		this.nodeId = nodeId;
		this.actor = actor;
		this.at = Instant.now();
		this.note = note;
	}

}
