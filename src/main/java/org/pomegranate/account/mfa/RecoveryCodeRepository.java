package org.pomegranate.account.mfa;

import java.util.List;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface RecoveryCodeRepository extends Repository<RecoveryCode, Long> {

	List<RecoveryCode> findByUserIdAndUsedAtIsNull(Long userId);

	RecoveryCode save(RecoveryCode code);

	@Modifying
	@Query("delete from RecoveryCode c where c.userId = :userId")
	int deleteByUserId(Long userId);

}
