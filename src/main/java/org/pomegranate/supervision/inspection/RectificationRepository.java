package org.pomegranate.supervision.inspection;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.Repository;

interface RectificationRepository extends Repository<Rectification, Long>, JpaSpecificationExecutor<Rectification> {

	Optional<Rectification> findById(Long id);

	Optional<Rectification> findByFindingId(Long findingId);

	List<Rectification> findByNoticeIdOrderById(Long noticeId);

	List<Rectification> findByFindingIdIn(List<Long> findingIds);

	Rectification saveAndFlush(Rectification rectification);

}
