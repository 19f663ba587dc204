package org.pomegranate.unit.network;

import java.util.List;

import org.springframework.data.repository.Repository;

interface UnitEventRepository extends Repository<UnitEvent, Long> {

	List<UnitEvent> findByUnitIdOrderByAtDescIdDesc(Long unitId);

	UnitEvent save(UnitEvent event);

}
