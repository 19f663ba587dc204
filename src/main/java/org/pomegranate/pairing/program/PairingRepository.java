package org.pomegranate.pairing.program;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

public interface PairingRepository extends Repository<Pairing, Long>, JpaSpecificationExecutor<Pairing> {

	@EntityGraph(attributePaths = { "program", "cadre", "household" })
	Optional<Pairing> findById(Long id);

	/** With each program's partner regions: the household page asks which cadres a pairing may pass to. */
	@EntityGraph(attributePaths = { "program", "program.partnerRegionCodes", "cadre" })
	List<Pairing> findByHouseholdIdOrderByStartedOnDescIdDesc(Long householdId);

	@EntityGraph(attributePaths = { "program", "household" })
	List<Pairing> findByCadreIdOrderByEndedOnDescStartedOnDesc(Long cadreId);

	@Query("select count(p) from Pairing p where p.cadre.id = :cadreId and p.program.id = :programId and p.endedOn is null")
	long countActive(Long cadreId, Long programId);

	@Query("select p from Pairing p where p.household.id = :householdId and p.program.id = :programId and p.endedOn is null")
	Optional<Pairing> findActive(Long householdId, Long programId);

	long countByCadreIdAndEndedOnIsNull(Long cadreId);

	/** The cadre's active pairings with households outside the region whose codes start with {@code prefix}. */
	@Query("select count(p) from Pairing p where p.cadre.id = :cadreId and p.endedOn is null and p.regionCode not like concat(:prefix, '%')")
	long countActiveOutside(Long cadreId, String prefix);

	/** The household's active pairings, for ending them when it moves away. */
	List<Pairing> findByHouseholdIdAndEndedOnIsNull(Long householdId);

	Pairing save(Pairing pairing);

	Pairing saveAndFlush(Pairing pairing);

}
