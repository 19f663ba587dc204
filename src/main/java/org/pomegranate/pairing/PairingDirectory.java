package org.pomegranate.pairing;

import java.time.LocalDate;
import java.util.List;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.pomegranate.pairing.cadre.Cadre;
import org.pomegranate.pairing.cadre.CadreQuery;
import org.pomegranate.pairing.cadre.CadreRepository;
import org.pomegranate.pairing.cadre.CadreService;
import org.pomegranate.pairing.household.HouseholdService;
import org.pomegranate.pairing.program.PairingService;
import org.pomegranate.shared.RegionScope;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may read of the pairing records: a household, a visit or a cadre by id, as a
 * record and inside the user's region scope (a record outside it answers as a missing one does).
 */
@Service
@Transactional(readOnly = true)
public class PairingDirectory {

	private final HouseholdService households;

	private final PairingService pairings;

	private final CadreService cadres;

	private final CadreRepository cadreRecords;

	private final RegionScope scope;

	PairingDirectory(HouseholdService households, PairingService pairings, CadreService cadres,
			CadreRepository cadreRecords, RegionScope scope) {
		this.households = households;
		this.pairings = pairings;
		this.cadres = cadres;
		this.cadreRecords = cadreRecords;
		this.scope = scope;
	}

	/** A cadre of the user's scope (one outside it, or none, answers 404). */
	public CadreSummary cadre(long id) {
		return summary(cadres.get(id), true);
	}

	/**
	 * Active cadres of the user's scope under {@code regionCode} (the whole scope when null) whose
	 * name or work unit contains {@code text} (any when null), by region and name, at most {@code limit}:
	 * a choice list.
	 */
	public List<CadreSummary> activeCadres(@Nullable String regionCode, @Nullable String text, int limit) {
		return cadres.search(new CadreQuery(text, regionCode, null, true, null, null),
				PageRequest.of(0, Math.max(1, Math.min(limit, 500)), Sort.by("regionCode", "name", "id")))
			.stream()
			.map(cadre -> summary(cadre, true))
			.toList();
	}

	/**
	 * The cadres already shown beside records of the user's scope (a unit's members), by id: those
	 * outside the scope with their name only (no phone, no link), as the pairing pages show them.
	 */
	public Map<Long, CadreSummary> cadresShown(Collection<Long> ids) {
		var shown = new LinkedHashMap<Long, CadreSummary>();
		for (var id : ids) {
			shown.computeIfAbsent(id, this::shown);
		}
		return shown;
	}

	private CadreSummary shown(long id) {
		return cadreRecords.findById(id)
			.map(cadre -> summary(cadre, scope.contains(cadre.getRegionCode())))
			.orElseGet(() -> new CadreSummary(id, "", null, null, null, false, false));
	}

	private static CadreSummary summary(Cadre cadre, boolean inScope) {
		return new CadreSummary(cadre.getId(), cadre.getName(), inScope ? cadre.getWorkUnit() : null,
				inScope ? cadre.getRegionCode() : null, inScope ? cadre.maskedPhone() : null, cadre.isActive(), inScope);
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

	/**
	 * A cadre as other modules see it: name, work unit, region and masked phone, and whether they are
	 * still active; one outside the user's scope ({@code inScope} false) by name only.
	 */
	public record CadreSummary(long id, String name, @Nullable String workUnit, @Nullable String regionCode,
			@Nullable String maskedPhone, boolean active, boolean inScope) {
	}

	/** A visit as other modules see it: which household, when, by whom, and what was found. */
	public record VisitSummary(long id, long householdId, LocalDate visitedOn, String visitors,
			@Nullable String findings) {
	}

}
