package org.pomegranate.unit.network;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.Repository;

interface CampaignUnitRepository extends Repository<CampaignUnit, Long>, JpaSpecificationExecutor<CampaignUnit> {

	Optional<CampaignUnit> findById(Long id);

	List<CampaignUnit> findByIdIn(Collection<Long> ids);

	List<CampaignUnit> findByParentIdOrderByName(Long parentId);

	Optional<CampaignUnit> findFirstByCreditCodeAndState(String creditCode, UnitState state);

	CampaignUnit saveAndFlush(CampaignUnit unit);

}
