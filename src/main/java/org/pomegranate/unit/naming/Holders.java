package org.pomegranate.unit.naming;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.pomegranate.pairing.PairingDirectory;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.RegionCode;
import org.pomegranate.shared.RegionLevel;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.unit.network.UnitDirectory;
import org.pomegranate.unit.network.UnitKind;
import org.pomegranate.unit.network.UnitState;
import org.springframework.stereotype.Component;

/**
 * Who may hold a title, looked up inside the user's scope: a region (州/市, 县/市/区, 乡镇/街道), a
 * campaign unit (through {@link UnitDirectory}) or a household of the pairing records, whose title carries only "户主姓名家庭".
 */
@Component
public class Holders {

	/** The levels of a region that can be a 示范区. */
	static final List<RegionLevel> REGION_LEVELS = List.of(RegionLevel.PREFECTURE, RegionLevel.COUNTY, RegionLevel.TOWNSHIP);

	private final UnitDirectory units;

	private final RegionService regions;

	private final PairingDirectory pairing;

	private final RegionScope scope;

	Holders(UnitDirectory units, RegionService regions, PairingDirectory pairing, RegionScope scope) {
		this.units = units;
		this.regions = regions;
		this.pairing = pairing;
		this.scope = scope;
	}

	/** The holder a chooser's key names ({@code R:513201}, {@code U:12}, {@code H:34}); 404 outside the scope. */
	public Holder byKey(String key) {
		var parts = key.split(":", 2);
		if (parts.length != 2) {
			throw new BusinessRuleException("naming.error.holder");
		}
		try {
			return switch (parts[0]) {
				case "R" -> region(parts[1]);
				case "U" -> unit(Long.parseLong(parts[1]));
				case "H" -> household(Long.parseLong(parts[1]));
				default -> throw new BusinessRuleException("naming.error.holder");
			};
		}
		catch (NumberFormatException ex) {
			throw new BusinessRuleException("naming.error.holder");
		}
	}

	public Holder region(String code) {
		var region = regions.get(code);
		if (!REGION_LEVELS.contains(region.getLevel()) || region.isRetired()) {
			throw new BusinessRuleException("naming.error.regionHolder");
		}
		return new Holder(HolderKind.REGION, region.getCode(), null, null, region.getName());
	}

	public Holder unit(long id) {
		var unit = units.unit(id);
		if (unit.state() != UnitState.ACTIVE) {
			throw new BusinessRuleException("naming.error.unitMerged");
		}
		return new Holder(HolderKind.UNIT, unit.regionCode(), unit.id(), null, unit.name());
	}

	public Holder household(long id) {
		var household = pairing.household(id);
		return new Holder(HolderKind.HOUSEHOLD, household.regionCode(), null, household.id(),
				household.headName() + "家庭");
	}

	/** Active units in {@code regionCode}'s subtree (inside the scope), of {@code kind} if given, for a batch chooser. */
	public List<Holder> units(String regionCode, @Nullable UnitKind kind, @Nullable String text, int limit) {
		scope.checkRegion(regionCode, "Region", regionCode);
		return units.search(kind, regionCode, text, limit)
			.stream()
			.map(unit -> new Holder(HolderKind.UNIT, unit.regionCode(), unit.id(), null, unit.name()))
			.toList();
	}

	/** Households of {@code regionCode}'s subtree for a batch chooser, oldest first. */
	public List<Holder> households(String regionCode, int limit) {
		scope.checkRegion(regionCode, "Region", regionCode);
		return pairing.householdsIn(regionCode)
			.stream()
			.limit(limit)
			.map(h -> new Holder(HolderKind.HOUSEHOLD, h.regionCode(), null, h.id(), h.headName() + "家庭"))
			.toList();
	}

	/** The region at {@code level} that issues such titles for a holder in {@code holderRegion}, if any. */
	static @Nullable String issuerFor(Holder holder, NamingLevel level) {
		var regionLevel = switch (level) {
			case COUNTY -> RegionLevel.COUNTY;
			case PREFECTURE -> RegionLevel.PREFECTURE;
			case PROVINCE, NATIONAL -> RegionLevel.PROVINCE;
		};
		var where = RegionCode.of(holder.regionCode());
		var issuer = where.at(regionLevel).orElse(null);
		// A region is named by one above it, never by itself.
		if (issuer == null || (holder.kind() == HolderKind.REGION && issuer.equals(where))) {
			return null;
		}
		return issuer.toString();
	}


}
