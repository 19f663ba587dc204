package org.pomegranate.unit.network;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface DutyStatementRepository extends Repository<DutyStatement, Long> {

	Optional<DutyStatement> findById(Long id);

	List<DutyStatement> findByUnitIdOrderByVersionNoDesc(Long unitId);

	@Query("select coalesce(max(d.versionNo), 0) from DutyStatement d where d.unitId = ?1")
	int lastVersionNo(Long unitId);

	DutyStatement saveAndFlush(DutyStatement statement);

}
