package org.pomegranate.petition.loop;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

public interface PetitionAttachmentRepository extends Repository<PetitionAttachment, Long> {

	Optional<PetitionAttachment> findById(Long id);

	@Query("""
			select new org.pomegranate.petition.loop.AttachmentInfo(a.id, a.stepId, a.filename, a.contentType, a.sizeBytes)
			from PetitionAttachment a where a.petitionId = :petitionId order by a.id""")
	List<AttachmentInfo> findInfoByPetitionId(Long petitionId);

	PetitionAttachment save(PetitionAttachment attachment);

}
