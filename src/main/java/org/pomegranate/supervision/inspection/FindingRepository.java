package org.pomegranate.supervision.inspection;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

interface FindingRepository extends Repository<Finding, Long> {

	Optional<Finding> findById(Long id);

	List<Finding> findByInspectionIdOrderById(Long inspectionId);

	Finding saveAndFlush(Finding finding);

}
