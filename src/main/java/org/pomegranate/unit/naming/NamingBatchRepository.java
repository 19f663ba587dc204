package org.pomegranate.unit.naming;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface NamingBatchRepository extends JpaRepository<NamingBatch, Long>, JpaSpecificationExecutor<NamingBatch> {

	boolean existsByIssuerRegionCodeAndLevelAndYearAndNumber(String issuer, NamingLevel level, int year, int number);

}
