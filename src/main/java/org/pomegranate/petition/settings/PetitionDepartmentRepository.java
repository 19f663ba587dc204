package org.pomegranate.petition.settings;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.Repository;

public interface PetitionDepartmentRepository extends Repository<PetitionDepartment, Long>,
		JpaSpecificationExecutor<PetitionDepartment> {

	Optional<PetitionDepartment> findById(Long id);

	@Override
	List<PetitionDepartment> findAll(Specification<PetitionDepartment> specification, Sort sort);

	List<PetitionDepartment> findByActiveTrueAndRegionCodeInOrderByRegionCodeAscNameAsc(Collection<String> regionCodes);

	boolean existsByRegionCodeAndName(String regionCode, String name);

	PetitionDepartment save(PetitionDepartment department);

	PetitionDepartment saveAndFlush(PetitionDepartment department);

}
