package org.pomegranate.pairing;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.Repository;

interface PairingProgramRepository extends Repository<PairingProgram, Long>, JpaSpecificationExecutor<PairingProgram> {

	Optional<PairingProgram> findById(Long id);

	boolean existsByRegionCodeAndName(String regionCode, String name);

	PairingProgram save(PairingProgram program);

}
