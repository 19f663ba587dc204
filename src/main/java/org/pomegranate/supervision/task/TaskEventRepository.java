package org.pomegranate.supervision.task;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface TaskEventRepository extends JpaRepository<TaskEvent, Long> {

	List<TaskEvent> findByInstanceIdOrderByOccurredAtAscIdAsc(long instanceId);

}
