package org.pomegranate.assessment.workflow;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AssessmentEventRepository extends JpaRepository<AssessmentEvent, Long> {

	List<AssessmentEvent> findByAssessmentIdOrderByAtAscIdAsc(long assessmentId);

}
