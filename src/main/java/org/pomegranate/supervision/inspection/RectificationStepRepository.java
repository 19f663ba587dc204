package org.pomegranate.supervision.inspection;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

interface RectificationStepRepository extends Repository<RectificationStep, Long> {

	List<RectificationStep> findByRectificationIdOrderByActedAtAscIdAsc(Long rectificationId);

	Optional<RectificationStep> findById(Long id);

	RectificationStep save(RectificationStep step);

}
