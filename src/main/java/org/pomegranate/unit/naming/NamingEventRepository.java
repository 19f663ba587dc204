package org.pomegranate.unit.naming;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface NamingEventRepository extends JpaRepository<NamingEvent, Long> {

	List<NamingEvent> findByNamingIdOrderByIdAsc(long namingId);

}
