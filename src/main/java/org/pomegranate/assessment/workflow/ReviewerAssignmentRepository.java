package org.pomegranate.assessment.workflow;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ReviewerAssignmentRepository extends JpaRepository<ReviewerAssignment, Long> {

	List<ReviewerAssignment> findByUserNameAndAssessmentId(String userName, long assessmentId);

	List<ReviewerAssignment> findByUserNameOrderByStartsOnDesc(String userName);

	List<ReviewerAssignment> findByAssessmentIdOrderByAssignedAtAsc(long assessmentId);

}
