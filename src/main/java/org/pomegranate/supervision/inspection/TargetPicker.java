package org.pomegranate.supervision.inspection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.pomegranate.account.AccountService;
import org.pomegranate.account.Role;
import org.pomegranate.account.UserSummary;
import org.pomegranate.region.Region;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.FormText;
import org.pomegranate.shared.RegionCode;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.unit.CampaignTitles;
import org.pomegranate.unit.CampaignTitles.TitleRef;
import org.pomegranate.unit.CampaignUnits;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the inspection and notice forms offer to pick, and the reading of what comes back: the
 * regions below the user's (the direct children first, then theirs, grouped by parent), the
 * campaign units of the subtree found by name, the team members among the users of the region
 * and below, and the live titles (授牌) of each target. A picked value is read again here; one that
 * was not offered (forged, outside the scope, retired) answers empty, and the form refuses it.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
public class TargetPicker {

	/** How many units a search by name adds to the form's choice. */
	public static final int UNIT_MATCHES = 30;

	private static final int OWN_UNITS = 200;

	private final RegionService regions;

	private final CampaignUnits units;

	private final CampaignTitles titles;

	private final AccountService accounts;

	private final RegionScope scope;

	TargetPicker(RegionService regions, CampaignUnits units, CampaignTitles titles, AccountService accounts,
			RegionScope scope) {
		this.regions = regions;
		this.units = units;
		this.titles = titles;
		this.accounts = accounts;
		this.scope = scope;
	}

	/** A region to pick, by code and name. */
	public record RegionOption(String code, String name) {
	}

	/** A region directly below the user's, with the regions directly below it. */
	public record RegionGroup(String code, String name, List<RegionOption> below) {
	}

	/** A campaign unit to pick: its form key ({@code u} and its id), name and region's name. */
	public record UnitOption(String key, long id, String name, String regionCode, String regionName) {
	}

	/** A user of the region or below who may join a team. */
	public record MemberOption(String username, String name, String regionName) {
	}

	/** A target as picked and read again: a region ({@code unitId} null) or a unit with its region. */
	public record Picked(String regionCode, @Nullable Long unitId, String name) {

		public String key() {
			return unitId == null ? regionCode : "u" + unitId;
		}

	}

	/** The regions directly below the user's, each with the regions directly below it (two levels). */
	public List<RegionGroup> regionGroups() {
		var own = scope.prefix();
		var children = regions.activeChildren(own);
		var level = RegionCode.of(own).level().child();
		var below = new LinkedHashMap<String, List<RegionOption>>();
		children.forEach(child -> below.put(child.getCode(), new ArrayList<>()));
		if (level != null && level.child() != null) {
			for (Region region : regions.selectable(level.child())) {
				var parent = region.getParentCode();
				if (region.getLevel() == level.child() && parent != null && below.containsKey(parent)) {
					below.get(parent).add(new RegionOption(region.getCode(), region.getName()));
				}
			}
		}
		return children.stream()
			.map(child -> new RegionGroup(child.getCode(), child.getName(), below.get(child.getCode())))
			.toList();
	}

	/**
	 * The units the form offers: those already picked, the units of the user's own region, and up to
	 * {@link #UNIT_MATCHES} units anywhere below whose name contains {@code name}.
	 */
	public List<UnitOption> units(@Nullable String name, Collection<String> pickedKeys) {
		var own = scope.prefix();
		var found = new LinkedHashMap<Long, CampaignUnits.UnitRef>();
		for (var key : pickedKeys) {
			unitId(key).flatMap(units::find).ifPresent(unit -> found.put(unit.id(), unit));
		}
		units.search(null, own, null, OWN_UNITS)
			.stream()
			.filter(unit -> unit.regionCode().equals(own))
			.forEach(unit -> found.putIfAbsent(unit.id(), unit));
		var text = FormText.clean(name);
		if (text != null) {
			units.search(null, own, text, UNIT_MATCHES).forEach(unit -> found.putIfAbsent(unit.id(), unit));
		}
		var names = regions.names(found.values().stream().map(CampaignUnits.UnitRef::regionCode).toList());
		return found.values()
			.stream()
			.map(unit -> new UnitOption("u" + unit.id(), unit.id(), unit.name(), unit.regionCode(),
					names.getOrDefault(unit.regionCode(), unit.regionCode())))
			.toList();
	}

	/** The enabled admins, supervisors and staff of the user's region and below, by region, then name. */
	public List<MemberOption> members() {
		var codes = accounts.regionsWithUsers().stream().filter(scope::contains).toList();
		if (codes.isEmpty()) {
			return List.of();
		}
		var users = new ArrayList<UserSummary>();
		for (var role : List.of(Role.ADMIN, Role.SUPERVISOR, Role.STAFF)) {
			users.addAll(accounts.enabledUsers(role, codes));
		}
		users.sort(Comparator.comparing(UserSummary::regionCode).thenComparing(UserSummary::displayName));
		var names = regions.names(codes);
		return users.stream()
			.map(user -> new MemberOption(user.username(), user.displayName(),
					names.getOrDefault(user.regionCode(), user.regionCode())))
			.toList();
	}

	/** A region strictly below the user's, in scope and not retired; empty for anything else. */
	public Optional<Picked> region(@Nullable String code) {
		var value = FormText.clean(code);
		if (value == null || !scope.contains(value) || value.equals(scope.prefix())) {
			return Optional.empty();
		}
		return regions.find(value).filter(region -> !region.isRetired())
			.map(region -> new Picked(region.getCode(), null, region.getName()));
	}

	/** A unit of the user's scope by its form key ({@code u} and its id); empty for anything else. */
	public Optional<Picked> unit(@Nullable String key) {
		return unitId(key).flatMap(units::find).map(unit -> new Picked(unit.regionCode(), unit.id(), unit.name()));
	}

	/** An enabled user of the user's region or below; empty for anyone else. */
	public Optional<UserSummary> member(@Nullable String username) {
		var value = FormText.clean(username);
		return value == null ? Optional.empty() : accounts.enabledUser(value).filter(user -> scope.contains(user.regionCode()));
	}

	/** The live titles of the picked targets, by target key, for the praise form's 授牌 selects. */
	public Map<String, List<TitleRef>> titlesOf(Collection<String> regionCodes, Collection<Long> unitIds) {
		var byKey = new LinkedHashMap<String, List<TitleRef>>();
		for (var title : titles.liveOf(regionCodes, unitIds)) {
			var key = title.unitId() == null ? title.holderRegionCode() : "u" + title.unitId();
			byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(title);
		}
		return byKey;
	}

	/** The live title {@code id} if the target is its holder; empty for anything else. */
	public Optional<TitleRef> titleOf(Picked target, long id) {
		return titles.live(id).filter(title -> title.heldBy(target.regionCode(), target.unitId()));
	}

	private static Optional<Long> unitId(@Nullable String key) {
		var value = FormText.clean(key);
		return value != null && value.startsWith("u") ? FormValues.id(value.substring(1)) : Optional.empty();
	}

}
