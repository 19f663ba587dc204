package org.pomegranate.region;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface RegionRepository extends Repository<Region, String>, JpaSpecificationExecutor<Region> {

	Optional<Region> findById(String code);

	List<Region> findByCodeIn(List<String> codes);

	List<Region> findByParentCodeOrderByCode(String parentCode);

	@Query("select max(r.code) from Region r where r.parentCode = :parentCode")
	Optional<String> findLastChildCode(String parentCode);

	boolean existsByParentCodeAndName(String parentCode, String name);

	Region save(Region region);

	Region saveAndFlush(Region region);

	/** Locks a parent while a child is added: two admins adding at once take turns for the next code. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from Region r where r.code = :code")
	Optional<Region> lockById(String code);

}
