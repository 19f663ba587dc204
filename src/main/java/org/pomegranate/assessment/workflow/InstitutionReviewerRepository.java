package org.pomegranate.assessment.workflow;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface InstitutionReviewerRepository extends JpaRepository<InstitutionReviewer, String> {

	List<InstitutionReviewer> findByInstitutionIdOrderByUserNameAsc(long institutionId);

	List<InstitutionReviewer> findByInstitutionIdInOrderByUserNameAsc(Collection<Long> institutionIds);

	long countByInstitutionId(long institutionId);

}
