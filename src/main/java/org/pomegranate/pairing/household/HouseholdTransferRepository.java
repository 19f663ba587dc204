package org.pomegranate.pairing.household;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

public interface HouseholdTransferRepository extends Repository<HouseholdTransfer, Long>, JpaSpecificationExecutor<HouseholdTransfer> {

	Optional<HouseholdTransfer> findById(Long id);

	/**
	 * Sends a request unless the same requester already has one open for the household (the partial
	 * unique index settles a double click too): 1 when sent, 0 when it joined the open one.
	 */
	@Modifying(flushAutomatically = true)
	@Query(nativeQuery = true, value = """
			insert into household_transfer (household_id, region_code, from_region_code, to_region_code,
			                                requested_head_name, requested_by, state)
			values (:householdId, :regionCode, :fromRegionCode, :toRegionCode, :headName, :requestedBy, 'SENT')
			on conflict (household_id, requested_by) where state = 'SENT' do nothing""")
	int send(long householdId, String regionCode, String fromRegionCode, String toRegionCode, String headName,
			String requestedBy);

	Optional<HouseholdTransfer> findByHouseholdIdAndRequestedByAndState(Long householdId, String requestedBy,
			TransferState state);

	List<HouseholdTransfer> findByHouseholdIdAndStateAndIdNot(Long householdId, TransferState state, Long id);

	List<HouseholdTransfer> findTop100ByRequestedByOrderByCreatedAtDescIdDesc(String requestedBy);

	HouseholdTransfer saveAndFlush(HouseholdTransfer transfer);

}
