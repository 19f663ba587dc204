package org.pomegranate.pairing.cadre;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.Repository;

public interface CadreRepository extends Repository<Cadre, Long>, JpaSpecificationExecutor<Cadre> {

	Optional<Cadre> findById(Long id);

	Cadre save(Cadre cadre);

}
