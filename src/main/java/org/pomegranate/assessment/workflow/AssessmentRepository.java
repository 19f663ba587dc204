package org.pomegranate.assessment.workflow;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface AssessmentRepository extends JpaRepository<Assessment, Long>, JpaSpecificationExecutor<Assessment> {

	/** Whether the holder already has an assessment of that year and purpose (the unique index {@code assessment_one_per_year}). */
	@Query(value = """
			select exists (select 1 from assessment where holder_kind = ?1 and holder_region_code = ?2
			and coalesce(unit_id, 0) = ?3 and year = ?4 and purpose = ?5)""", nativeQuery = true)
	boolean existsHolderYear(String holderKind, String regionCode, long unitId, int year, String purpose);


	List<Assessment> findByHolderRegionCodeAndUnitIdIsNullAndStateAndPassedTrueOrderByYearDescIdDesc(String regionCode,
			AssessmentState state);

	List<Assessment> findByUnitIdAndStateAndPassedTrueOrderByYearDescIdDesc(long unitId, AssessmentState state);

}
