package org.pomegranate.unit.naming;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface NamingRuleRepository extends JpaRepository<NamingRule, NamingRule.Key> {

	List<NamingRule> findByIssuerRegionCode(String issuerRegionCode);

}
