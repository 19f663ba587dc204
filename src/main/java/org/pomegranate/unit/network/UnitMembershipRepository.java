package org.pomegranate.unit.network;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

interface UnitMembershipRepository extends Repository<UnitMembership, Long> {

	Optional<UnitMembership> findById(Long id);

	List<UnitMembership> findByUnitIdOrderByJoinedOnDescIdDesc(Long unitId);

	List<UnitMembership> findByUnitId(Long unitId);

	boolean existsByUnitIdAndCadreIdAndLeftOnIsNull(Long unitId, Long cadreId);

	UnitMembership saveAndFlush(UnitMembership membership);

}
