package org.pomegranate.account.signin;

import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

public interface LoginThrottleRepository extends Repository<LoginThrottle, String> {

	Optional<LoginThrottle> findById(String username);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	Optional<LoginThrottle> findForUpdateByUsername(String username);

	/** Creates the row if missing without racing a concurrent first failure for the same name. */
	@Modifying
	@Query(value = "insert into login_throttle (username) values (:username) on conflict do nothing", nativeQuery = true)
	void ensureExists(String username);

}
