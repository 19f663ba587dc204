package org.pomegranate.pairing.program;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

public interface VisitPhotoRepository extends Repository<VisitPhoto, Long> {

	Optional<VisitPhoto> findById(Long id);

	/** The photos of some visits without their bytes. */
	@Query("select new org.pomegranate.pairing.program.PhotoInfo(p.id, p.visitId, p.filename, p.sizeBytes) from VisitPhoto p where p.visitId in :visitIds order by p.id")
	List<PhotoInfo> findInfoByVisitIdIn(List<Long> visitIds);

	VisitPhoto save(VisitPhoto photo);

}
