package org.pomegranate.unit.naming;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface NamingRepository extends JpaRepository<Naming, Long>, JpaSpecificationExecutor<Naming> {

	/** The titles of one holder at {@code levels}, oldest first. */
	default List<Naming> findOfHolder(Holder holder, Collection<NamingLevel> levels) {
		return findAll(ofHolder(holder).and((root, q, cb) -> root.get(Naming_.level).in(levels)), Sort.by(Naming_.ID));
	}

	/** Every title a unit holds or applied for, whatever its state. */
	List<Naming> findByUnitIdOrderById(long unitId);

	/** Every title a household holds or applied for, whatever its state. */
	List<Naming> findByHouseholdIdOrderById(long householdId);

	static Specification<Naming> ofHolder(Holder holder) {
		return (root, q, cb) -> cb.and(cb.equal(root.get(Naming_.holderKind), holder.kind()),
				cb.equal(root.get(Naming_.holderRegionCode), holder.regionCode()),
				holder.unitId() == null ? cb.isNull(root.get(Naming_.unitId)) : cb.equal(root.get(Naming_.unitId), holder.unitId()),
				holder.householdId() == null ? cb.isNull(root.get(Naming_.householdId))
						: cb.equal(root.get(Naming_.householdId), holder.householdId()));
	}

	/** The valid titles an issuing region had named on {@code day}, in id order: a draw's population. */
	@Query("""
			select n.id from Naming n where n.issuerRegionCode = :issuer
			and n.state = org.pomegranate.unit.naming.NamingState.VALID
			and n.namedOn <= :day and n.validUntil >= :day order by n.id""")
	List<Long> findValidIssuedBy(String issuer, LocalDate day);

}
