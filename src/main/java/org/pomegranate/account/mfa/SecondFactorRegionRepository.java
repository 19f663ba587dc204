package org.pomegranate.account.mfa;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

interface SecondFactorRegionRepository extends Repository<SecondFactorRegion, String> {

	Optional<SecondFactorRegion> findById(String regionCode);

	List<SecondFactorRegion> findByRegionCodeInOrderByRegionCode(List<String> regionCodes);

	List<SecondFactorRegion> findByRegionCodeStartingWithOrderByRegionCode(String prefix);

	SecondFactorRegion save(SecondFactorRegion region);

	void delete(SecondFactorRegion region);

}
