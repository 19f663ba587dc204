package org.pomegranate.supervision.inspection;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.Repository;

interface InspectionRepository extends Repository<Inspection, Long>, JpaSpecificationExecutor<Inspection> {

	Optional<Inspection> findById(Long id);

	Optional<Inspection> findBySubmissionToken(UUID token);

	Inspection saveAndFlush(Inspection inspection);

}
