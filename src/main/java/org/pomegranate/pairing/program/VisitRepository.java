package org.pomegranate.pairing.program;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.Repository;

public interface VisitRepository extends Repository<Visit, Long>, JpaSpecificationExecutor<Visit> {

	@EntityGraph(attributePaths = { "pairing", "pairing.program", "pairing.cadre", "pairing.household" })
	Optional<Visit> findById(Long id);

	@EntityGraph(attributePaths = { "pairing", "pairing.program", "pairing.cadre" })
	List<Visit> findByHouseholdIdOrderByVisitedOnDescIdDesc(Long householdId);

	@EntityGraph(attributePaths = { "pairing", "pairing.household" })
	List<Visit> findByPairingCadreIdOrderByVisitedOnDescIdDesc(Long cadreId, Pageable pageable);

	Visit save(Visit visit);

	Visit saveAndFlush(Visit visit);

}
