package org.pomegranate.account.user;

import org.pomegranate.account.Role;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

public interface UserAccountRepository extends Repository<UserAccount, Long>, JpaSpecificationExecutor<UserAccount> {

	Optional<UserAccount> findById(Long id);

	/** By the stored, canonical name ({@link UserNames}): an exact match, no case folding by the database. */
	Optional<UserAccount> findByUsername(String username);

	boolean existsByUsername(String username);

	List<UserAccount> findByRoleAndEnabledTrueAndRegionCodeInOrderByRegionCodeAscDisplayNameAsc(Role role,
			Collection<String> regionCodes);

	long count();

	UserAccount save(UserAccount account);

	UserAccount saveAndFlush(UserAccount account);

	@Query("select distinct a.regionCode from UserAccount a where a.enabled = true")
	List<String> regionsWithEnabledUsers();

}
