package org.pomegranate.petition.settings;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

public interface PetitionCategoryRepository extends Repository<PetitionCategory, Long> {

	Optional<PetitionCategory> findById(Long id);

	List<PetitionCategory> findAllByOrderBySortOrderAscIdAsc();

	boolean existsByName(String name);

	PetitionCategory save(PetitionCategory category);

	PetitionCategory saveAndFlush(PetitionCategory category);

}
