package org.pomegranate.petition.loop;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

public interface PetitionStepRepository extends Repository<PetitionStep, Long> {

	Optional<PetitionStep> findById(Long id);

	List<PetitionStep> findByPetitionIdOrderByActedAtAscIdAsc(Long petitionId);

	PetitionStep save(PetitionStep step);

}
