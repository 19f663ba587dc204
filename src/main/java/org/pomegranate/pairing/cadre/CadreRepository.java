package org.pomegranate.pairing.cadre;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.Repository;

public interface CadreRepository extends Repository<Cadre, Long>, JpaSpecificationExecutor<Cadre> {

	Optional<Cadre> findById(Long id);

	Cadre save(Cadre cadre);

	<S extends Cadre> List<S> saveAll(Iterable<S> cadres);

	void flush();

	/** The cadres of that name under a region prefix, which the import narrows to one work unit. */
	List<Cadre> findByNameAndRegionCodeStartingWith(String name, String regionPrefix);

}
