package org.pomegranate.pairing.household;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.Repository;

public interface HouseholdRepository extends Repository<Household, Long>, JpaSpecificationExecutor<Household> {

	Optional<Household> findById(Long id);

	Optional<Household> findByIdNumber(String idNumber);

	Household save(Household household);

	Household saveAndFlush(Household household);

	<S extends Household> List<S> saveAll(Iterable<S> households);

	void flush();

}
