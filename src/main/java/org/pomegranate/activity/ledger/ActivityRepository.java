package org.pomegranate.activity.ledger;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.Repository;

interface ActivityRepository extends Repository<Activity, Long>, JpaSpecificationExecutor<Activity> {

	Optional<Activity> findById(Long id);

	Activity saveAndFlush(Activity activity);

}
