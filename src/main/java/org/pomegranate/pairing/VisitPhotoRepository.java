package org.pomegranate.pairing;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface VisitPhotoRepository extends Repository<VisitPhoto, Long> {

	Optional<VisitPhoto> findById(Long id);

	/** The photos of some visits without their bytes. */
	@Query("select new org.pomegranate.pairing.PhotoInfo(p.id, p.visitId, p.filename, p.sizeBytes) from VisitPhoto p where p.visitId in :visitIds order by p.id")
	List<PhotoInfo> findInfoByVisitIdIn(List<Long> visitIds);

	VisitPhoto save(VisitPhoto photo);

}
