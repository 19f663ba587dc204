package org.pomegranate.unit.naming;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface NamingRecheckRepository extends JpaRepository<NamingRecheck, Long> {

	List<NamingRecheck> findByNamingIdOrderByIdDesc(long namingId);

	List<NamingRecheck> findByDrawIdOrderByNamingId(long drawId);

	Optional<NamingRecheck> findFirstByNamingIdAndResultIsNullAndClosedOnIsNullOrderByIdDesc(long namingId);

}
