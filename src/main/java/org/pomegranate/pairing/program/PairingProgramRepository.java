package org.pomegranate.pairing.program;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.Repository;

public interface PairingProgramRepository extends Repository<PairingProgram, Long>, JpaSpecificationExecutor<PairingProgram> {

	Optional<PairingProgram> findById(Long id);

	boolean existsByRegionCodeAndName(String regionCode, String name);

	PairingProgram save(PairingProgram program);

	PairingProgram saveAndFlush(PairingProgram program);

}
