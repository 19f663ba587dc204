package org.pomegranate.unit.naming;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface NamingDrawRepository extends JpaRepository<NamingDraw, Long>, JpaSpecificationExecutor<NamingDraw> {
}
