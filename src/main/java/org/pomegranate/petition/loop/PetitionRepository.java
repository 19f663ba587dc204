package org.pomegranate.petition.loop;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

public interface PetitionRepository extends Repository<Petition, Long>, JpaSpecificationExecutor<Petition> {

	@EntityGraph(attributePaths = { "category", "department" })
	Optional<Petition> findById(Long id);

	Optional<Petition> findBySubmissionToken(UUID token);

	@Override
	@EntityGraph(attributePaths = { "category", "department" })
	Page<Petition> findAll(Specification<Petition> specification, Pageable pageable);

	@Override
	@EntityGraph(attributePaths = { "category", "department" })
	List<Petition> findAll(Specification<Petition> specification);

	/** Same household or same phone, same category, received within the window: possibly the same demand. */
	@Query("""
			select p from Petition p
			where p.category.id = :categoryId and p.receivedOn between :from and :to and p.regionCode like :scope
			  and (p.householdId = :householdId or p.petitionerPhone = :phone)
			order by p.receivedOn desc, p.id desc""")
	List<Petition> findPossibleDuplicates(Long categoryId, LocalDate from, LocalDate to, String scope,
			Long householdId, String phone, Pageable pageable);

	Petition saveAndFlush(Petition petition);

}
