package org.pomegranate.petition;

import java.util.List;

import org.springframework.data.repository.Repository;

interface PetitionStepRepository extends Repository<PetitionStep, Long> {

	List<PetitionStep> findByPetitionIdOrderByActedAtAscIdAsc(Long petitionId);

	PetitionStep save(PetitionStep step);

}
