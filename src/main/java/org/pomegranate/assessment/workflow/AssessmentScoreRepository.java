package org.pomegranate.assessment.workflow;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AssessmentScoreRepository extends JpaRepository<AssessmentScore, AssessmentScore.Key> {

	List<AssessmentScore> findByAssessmentId(long assessmentId);

}
