package org.pomegranate.supervision.notice;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.Repository;

interface NoticeRepository extends Repository<Notice, Long>, JpaSpecificationExecutor<Notice> {

	Optional<Notice> findById(Long id);

	Notice saveAndFlush(Notice notice);

}
