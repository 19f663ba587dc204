package org.pomegranate.assessment.framework;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface IndicatorNodeRepository extends JpaRepository<IndicatorNode, Long> {

	/** A version's nodes in tree order within each parent. */
	List<IndicatorNode> findByFrameworkIdOrderByPositionAscIdAsc(long frameworkId);

	Optional<IndicatorNode> findByFrameworkIdAndCode(long frameworkId, String code);

}
