package org.pomegranate.assessment.workflow;

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
import org.jspecify.annotations.Nullable;

/**
 * A reviewer of an evaluating institution assigned to one assessment for a window of days (both
 * ends included); ended early by the admin who assigned it. Outside its window the reviewer sees
 * the assessment no more than one never assigned.
 */
@Entity
@Table(name = "reviewer_assignment")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class ReviewerAssignment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long assessmentId;

	private String userName;

	private long institutionId;

	private LocalDate startsOn;

	private LocalDate endsOn;

	private String assignedBy;

	private Instant assignedAt;

	private @Nullable Instant endedAt;

	public ReviewerAssignment(long assessmentId, String userName, long institutionId, LocalDate startsOn, LocalDate endsOn,
			String assignedBy) {
		this.assessmentId = assessmentId;
		this.userName = userName;
		this.institutionId = institutionId;
		this.startsOn = startsOn;
		this.endsOn = endsOn;
		this.assignedBy = assignedBy;
		this.assignedAt = Instant.now();
	}

	/** Whether it lets its reviewer in on {@code day}. */
	public boolean activeOn(LocalDate day) {
		return endedAt == null && !day.isBefore(startsOn) && !day.isAfter(endsOn);
	}

	public void end() {
		if (endedAt == null) {
			this.endedAt = Instant.now();
		}
	}

}
