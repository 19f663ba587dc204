package org.pomegranate.assessment.workflow;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface EvaluatingInstitutionRepository
		extends JpaRepository<EvaluatingInstitution, Long>, JpaSpecificationExecutor<EvaluatingInstitution> {

	boolean existsByRegionCodeAndName(String regionCode, String name);

	List<EvaluatingInstitution> findByRegionCodeInOrderByRegionCodeAscNameAsc(Collection<String> regionCodes);

}
