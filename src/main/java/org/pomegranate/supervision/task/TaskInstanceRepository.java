package org.pomegranate.supervision.task;

import org.springframework.data.jpa.repository.JpaRepository;

interface TaskInstanceRepository extends JpaRepository<TaskInstance, Long> {
}
