package org.pomegranate.assessment.workflow;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** A reviewer account's membership of one evaluating institution: a reviewer works for one at a time. */
@Entity
@Table(name = "institution_reviewer")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class InstitutionReviewer {

	@Id
	private String userName;

	private long institutionId;

	InstitutionReviewer(String userName, long institutionId) {
		this.userName = userName;
		this.institutionId = institutionId;
	}

}
