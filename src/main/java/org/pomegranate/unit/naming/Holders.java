package org.pomegranate.unit.naming;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.pomegranate.pairing.PairingDirectory;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.Like;
import org.pomegranate.shared.RecordNotFoundException;
import org.pomegranate.shared.RegionCode;
import org.pomegranate.shared.RegionLevel;
import org.pomegranate.shared.RegionScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who may hold a title, looked up inside the user's scope: a region (州/市, 县/市/区, 乡镇/街道), a
 * campaign unit (read from {@code campaign_unit} directly: the unit pages are another part of
 * the module) or a household of the pairing records, whose title carries only "户主姓名家庭".
 */
@Component
public class Holders {

	/** The levels of a region that can be a 示范区. */
	static final List<RegionLevel> REGION_LEVELS = List.of(RegionLevel.PREFECTURE, RegionLevel.COUNTY, RegionLevel.TOWNSHIP);

	private final JdbcTemplate jdbc;

	private final RegionService regions;

	private final PairingDirectory pairing;

	private final RegionScope scope;

	Holders(JdbcTemplate jdbc, RegionService regions, PairingDirectory pairing, RegionScope scope) {
		this.jdbc = jdbc;
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
		var units = jdbc.query("select id, name, region_code, state from campaign_unit where id = ?",
				(rs, n) -> new UnitRow(rs.getLong("id"), rs.getString("name"), rs.getString("region_code"),
						rs.getString("state")), id);
		if (units.isEmpty()) {
			throw new RecordNotFoundException("CampaignUnit", id);
		}
		var unit = units.get(0);
		scope.checkRegion(unit.regionCode(), "CampaignUnit", id);
		if (!"ACTIVE".equals(unit.state())) {
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
	public List<Holder> units(String regionCode, @Nullable String kind, @Nullable String text, int limit) {
		scope.checkRegion(regionCode, "Region", regionCode);
		var pattern = text == null ? "%" : Like.containing(text);
		return jdbc.query("""
				select id, name, region_code from campaign_unit
				where region_code like ? and state = 'ACTIVE' and (cast(? as varchar) is null or kind = ?)
				and name like ? escape '\\' order by region_code, name, id limit ?""",
				(rs, n) -> new Holder(HolderKind.UNIT, rs.getString("region_code"), rs.getLong("id"), null,
						rs.getString("name")),
				regionCode + "%", kind, kind, pattern, limit);
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

	private record UnitRow(long id, String name, String regionCode, String state) {
	}

}
