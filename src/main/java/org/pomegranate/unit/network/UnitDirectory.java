package org.pomegranate.unit.network;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.FormText;
import org.pomegranate.shared.Like;
import org.pomegranate.shared.RegionCode;
import org.pomegranate.shared.RegionScope;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the other parts of the unit module (the naming part) read of units: a unit by id and a
 * search, as {@link UnitSummary} records, always inside the user's region scope (a unit outside it
 * answers as a missing one does).
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('STAFF', 'SUPERVISOR', 'ADMIN')")
public class UnitDirectory {

	private final CampaignUnitRepository units;

	private final RegionScope scope;

	UnitDirectory(CampaignUnitRepository units, RegionScope scope) {
		this.units = units;
		this.scope = scope;
	}

	/** One unit of the user's scope, whatever its state; 404 ({@code RecordNotFoundException}) otherwise. */
	public UnitSummary unit(long id) {
		return UnitSummary.of(scope.check(units.findById(id), UnitRegistration.ENTITY, id));
	}

	/** The units of the user's scope among {@code ids}, by id; those outside or missing are left out. */
	public Map<Long, UnitSummary> units(Collection<Long> ids) {
		var found = new LinkedHashMap<Long, UnitSummary>();
		units.findByIdIn(List.copyOf(ids))
			.stream()
			.filter(unit -> scope.contains(unit.getRegionCode()))
			.forEach(unit -> found.put(unit.getId(), UnitSummary.of(unit)));
		return found;
	}

	/**
	 * Active (在册) units of the user's scope, of {@code kind} (any when null), under {@code regionCode}
	 * (the whole scope when null), whose name contains {@code name} (any when null), by region and name,
	 * at most {@code limit} (up to 1,000).
	 */
	public List<UnitSummary> search(@Nullable UnitKind kind, @Nullable String regionCode, @Nullable String name, int limit) {
		Specification<CampaignUnit> where = scope.<CampaignUnit>specification()
			.and((root, q, cb) -> cb.equal(root.get(CampaignUnit_.state), UnitState.ACTIVE));
		if (kind != null) {
			where = where.and((root, q, cb) -> cb.equal(root.get(CampaignUnit_.kind), kind));
		}
		var region = FormText.clean(regionCode);
		if (region != null) {
			var code = RegionCode.parse(region);
			if (code.isEmpty()) {
				return List.of();
			}
			where = where.and((root, q, cb) -> cb.like(root.get(CampaignUnit_.regionCode), code.get() + "%"));
		}
		var text = FormText.clean(name);
		if (text != null) {
			var pattern = Like.containing(text);
			where = where.and((root, q, cb) -> cb.like(root.get(CampaignUnit_.name), pattern, Like.ESCAPE));
		}
		return units.findAll(where, PageRequest.of(0, Math.max(1, Math.min(limit, 1000)),
				Sort.by(CampaignUnit_.REGION_CODE, CampaignUnit_.NAME, CampaignUnit_.ID)))
			.stream()
			.map(UnitSummary::of)
			.toList();
	}

}
