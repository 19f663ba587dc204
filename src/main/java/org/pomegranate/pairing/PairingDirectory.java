package org.pomegranate.pairing;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.pomegranate.pairing.household.HouseholdService;
import org.pomegranate.pairing.program.PairingService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may read of the pairing records: a household or a visit by id, as a record
 * and inside the user's region scope (a record outside it answers as a missing one does).
 */
@Service
@Transactional(readOnly = true)
public class PairingDirectory {

	private final HouseholdService households;

	private final PairingService pairings;

	PairingDirectory(HouseholdService households, PairingService pairings) {
		this.households = households;
		this.pairings = pairings;
	}

	public HouseholdSummary household(long id) {
		var household = households.get(id);
		return new HouseholdSummary(household.getId(), household.getHeadName(), household.getRegionCode());
	}

	public VisitSummary visit(long id) {
		var visit = pairings.visit(id);
		return new VisitSummary(visit.getId(), visit.getHouseholdId(), visit.getVisitedOn(), visit.getVisitors(),
				visit.getFindings());
	}

	/** The households of {@code regionCode}'s subtree, oldest first; none where it lies outside the user's scope. */
	public List<HouseholdSummary> householdsIn(String regionCode) {
		return households.allIn(regionCode)
			.stream()
			.map(household -> new HouseholdSummary(household.getId(), household.getHeadName(), household.getRegionCode()))
			.toList();
	}

	/** A household as other modules see it: who heads it and where it lives. */
	public record HouseholdSummary(long id, String headName, String regionCode) {
	}

	/** A visit as other modules see it: which household, when, by whom, and what was found. */
	public record VisitSummary(long id, long householdId, LocalDate visitedOn, String visitors,
			@Nullable String findings) {
	}

}
