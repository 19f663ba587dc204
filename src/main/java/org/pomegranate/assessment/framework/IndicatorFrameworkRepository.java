package org.pomegranate.assessment.framework;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface IndicatorFrameworkRepository
		extends JpaRepository<IndicatorFramework, Long>, JpaSpecificationExecutor<IndicatorFramework> {

	/** Every version of a framework, newest first. */
	List<IndicatorFramework> findByLineageIdOrderByVersionNumberDesc(long lineageId);

	@Query("select max(f.versionNumber) from IndicatorFramework f where f.lineageId = ?1")
	Optional<Integer> lastVersionNumber(long lineageId);

}
