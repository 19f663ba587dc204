package org.pomegranate.account.mfa;

import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface SecondFactorRepository extends Repository<SecondFactor, Long> {

	Optional<SecondFactor> findById(Long userId);

	/** The authenticator locked for the check of a code, so two requests cannot both use one step. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select f from SecondFactor f where f.userId = :userId")
	Optional<SecondFactor> findForUpdate(Long userId);

	@Query("select count(f) > 0 from SecondFactor f where f.userId = :userId and f.confirmedAt is not null")
	boolean isActive(Long userId);

	SecondFactor save(SecondFactor factor);

	@Modifying
	@Query("delete from SecondFactor f where f.userId = :userId")
	int deleteByUserId(Long userId);

}
