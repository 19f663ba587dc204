package org.pomegranate.petition.loop;

import java.util.List;

import org.springframework.data.repository.Repository;

public interface PetitionStepRepository extends Repository<PetitionStep, Long> {

	List<PetitionStep> findByPetitionIdOrderByActedAtAscIdAsc(Long petitionId);

	PetitionStep save(PetitionStep step);

}
