package org.pomegranate.dataimport.engine;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface ImportBatchRepository extends Repository<ImportBatch, Long> {

	Optional<ImportBatch> findById(Long id);

	ImportBatch save(ImportBatch batch);

	ImportBatch saveAndFlush(ImportBatch batch);

	@Query("select b from ImportBatch b where b.regionCode like concat(?1, '%') order by b.startedAt desc")
	Page<ImportBatch> findInScope(String prefix, Pageable pageable);

	@Query("""
			select b from ImportBatch b where b.sha256 = ?1 and b.kind = ?2 and b.regionCode like concat(?3, '%')
			and b.state = org.pomegranate.dataimport.engine.ImportBatch.ImportState.DONE order by b.startedAt desc""")
	List<ImportBatch> findDone(String sha256, String kind, String prefix);

}
